-- Accounts, refresh tokens and the friend graph.
-- Runs unchanged on H2 (MODE=MySQL) and MySQL 8 / MariaDB 10.11.

CREATE TABLE users (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  uuid          VARCHAR(36)  NOT NULL,                 -- public id, used in the API and the protocol
  username      VARCHAR(32)  NOT NULL,
  nickname      VARCHAR(64)  NOT NULL,
  email         VARCHAR(254) NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  avatar        VARCHAR(128) NULL,                     -- stored file key of the avatar image
  created_at    TIMESTAMP(3) NOT NULL,
  updated_at    TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_users_uuid (uuid),
  UNIQUE KEY uk_users_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Only a SHA-256 of each refresh token is kept, so a leaked table cannot be replayed.
CREATE TABLE refresh_tokens (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  user_id     BIGINT       NOT NULL,
  token_hash  VARCHAR(64)  NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL,
  expires_at  TIMESTAMP(3) NOT NULL,
  revoked_at  TIMESTAMP(3) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_refresh_tokens_hash (token_hash),
  KEY idx_refresh_tokens_user (user_id),
  CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- status: PENDING, ACCEPTED, REJECTED, CANCELLED. A pair has at most one PENDING request at a time
-- (enforced by the service; old answered requests are kept as history).
CREATE TABLE friend_requests (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  from_user_id BIGINT       NOT NULL,
  to_user_id   BIGINT       NOT NULL,
  status       VARCHAR(16)  NOT NULL,
  created_at   TIMESTAMP(3) NOT NULL,
  answered_at  TIMESTAMP(3) NULL,
  PRIMARY KEY (id),
  KEY idx_friend_requests_to (to_user_id, status),
  KEY idx_friend_requests_from (from_user_id, status),
  CONSTRAINT fk_friend_requests_from FOREIGN KEY (from_user_id) REFERENCES users (id),
  CONSTRAINT fk_friend_requests_to FOREIGN KEY (to_user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per direction: (a, b) and (b, a), so "my friends" is one index range.
CREATE TABLE friendships (
  user_id    BIGINT       NOT NULL,
  friend_id  BIGINT       NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (user_id, friend_id),
  CONSTRAINT fk_friendships_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT fk_friendships_friend FOREIGN KEY (friend_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- blocker_id has blocked blocked_id: the blocked user can send them neither requests nor messages.
CREATE TABLE blocks (
  blocker_id BIGINT       NOT NULL,
  blocked_id BIGINT       NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (blocker_id, blocked_id),
  KEY idx_blocks_blocked (blocked_id),
  CONSTRAINT fk_blocks_blocker FOREIGN KEY (blocker_id) REFERENCES users (id),
  CONSTRAINT fk_blocks_blocked FOREIGN KEY (blocked_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
