-- Groups, their members and the requests and invitations to join them.
-- Runs unchanged on H2 (MODE=MySQL) and MySQL 8 / MariaDB 10.11. The table is chat_groups because GROUPS
-- is a reserved word in MySQL 8.

-- A group. uuid is the id clients see. deleted_at set = dissolved: the row (and its members) stay, so the
-- history stays readable, but the group is no longer listed, searched, joined or written to.
CREATE TABLE chat_groups (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  uuid        VARCHAR(36)   NOT NULL,
  name        VARCHAR(64)   NOT NULL,
  notice      VARCHAR(1024) NOT NULL,                -- the announcement; empty when none
  avatar      VARCHAR(128)  NULL,                    -- stored file key of the avatar image
  join_policy VARCHAR(16)   NOT NULL,                -- OPEN, APPROVAL, INVITE_ONLY
  all_muted   BOOLEAN       NOT NULL,                -- only the owner and admins may speak
  created_at  TIMESTAMP(3)  NOT NULL,
  updated_at  TIMESTAMP(3)  NOT NULL,
  deleted_at  TIMESTAMP(3)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_chat_groups_uuid (uuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A member of a group. role: OWNER (exactly one per group), ADMIN, MEMBER. A mute lasts until muted_until,
-- or, with muted_until_unmuted, until someone lifts it (TIMESTAMP ends in 2038 on MariaDB, so "forever" is a
-- flag, not a far-future time).
CREATE TABLE group_members (
  group_id            BIGINT       NOT NULL,
  user_id             BIGINT       NOT NULL,
  role                VARCHAR(8)   NOT NULL,
  muted_until         TIMESTAMP(3) NULL,
  muted_until_unmuted BOOLEAN      NOT NULL,
  joined_at           TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (group_id, user_id),
  KEY idx_group_members_user (user_id),
  CONSTRAINT fk_group_members_group FOREIGN KEY (group_id) REFERENCES chat_groups (id),
  CONSTRAINT fk_group_members_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- kind REQUEST: user_id asks to join an APPROVAL group. kind INVITATION: invited_by invites user_id.
-- status: PENDING, APPROVED, REJECTED, CANCELLED. At most one PENDING of each kind per (group, user),
-- enforced under the group's row lock; answered rows are kept as history.
CREATE TABLE group_join_requests (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  group_id    BIGINT       NOT NULL,
  user_id     BIGINT       NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  invited_by  BIGINT       NULL,
  status      VARCHAR(16)  NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL,
  answered_at TIMESTAMP(3) NULL,
  PRIMARY KEY (id),
  KEY idx_group_join_requests_group (group_id, status),
  KEY idx_group_join_requests_user (user_id, status),
  CONSTRAINT fk_group_join_requests_group FOREIGN KEY (group_id) REFERENCES chat_groups (id),
  CONSTRAINT fk_group_join_requests_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT fk_group_join_requests_inviter FOREIGN KEY (invited_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
