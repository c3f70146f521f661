-- WordPress 6: wp_options as wp-admin/includes/schema.php creates it ($wpdb->options with prefix wp_,
-- $charset_collate = DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci).
CREATE TABLE wp_options (
	option_id bigint(20) unsigned NOT NULL auto_increment,
	option_name varchar(191) NOT NULL default '',
	option_value longtext NOT NULL,
	autoload varchar(20) NOT NULL default 'yes',
	PRIMARY KEY  (option_id),
	UNIQUE KEY option_name (option_name),
	KEY autoload (autoload)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
