SELECT meeting_id, kind, strftime(held_on, '%Y-%m-%d') AS held_on, subcommittee, title FROM meetings WHERE meeting_id = $1;
