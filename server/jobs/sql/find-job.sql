SELECT job_id, kind, user_id, file_name, state, result_ref, result, error_code, error_message FROM jobs WHERE job_id = $1;
