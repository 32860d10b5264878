SELECT meeting_id, kind, strftime(held_on, '%Y-%m-%d') AS held_on, subcommittee, title, public FROM meetings WHERE meeting_id = $1;
