-- Users an owner or admin has banned from a group: they were removed if they were members, and they can
-- neither join, ask to join, be invited nor accept an invitation until a moderator lifts the ban.
-- Runs unchanged on H2 (MODE=MySQL) and MySQL 8 / MariaDB 10.11.
CREATE TABLE group_bans (
  group_id  BIGINT       NOT NULL,
  user_id   BIGINT       NOT NULL,
  banned_by BIGINT       NOT NULL,
  banned_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (group_id, user_id),
  CONSTRAINT fk_group_bans_group FOREIGN KEY (group_id) REFERENCES chat_groups (id),
  CONSTRAINT fk_group_bans_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT fk_group_bans_banned_by FOREIGN KEY (banned_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
