# The seed's order, recorded: pre_db_export, post_db_export FILE, pre_db_import FILE, post_db_import FILE.
hook_pre_db_export() { echo "pre_db_export" >> events.log; }
hook_post_db_export() { echo "post_db_export $(basename "$1")" >> events.log; }
hook_pre_db_import() { echo "pre_db_import $(basename "$1")" >> events.log; }
hook_post_db_import() { echo "post_db_import $(basename "$1")" >> events.log; }
