DELETE FROM meeting_agenda WHERE meeting_id = $1;
