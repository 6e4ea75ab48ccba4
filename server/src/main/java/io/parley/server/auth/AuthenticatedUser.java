package io.parley.server.auth;

/**
 * Who a request or a WebSocket connection belongs to, as the verified access token says.
 *
 * @param id       internal row id (never shown to clients)
 * @param uuid     public user id
 * @param username login name
 */
public record AuthenticatedUser(long id, String uuid, String username) {
}
