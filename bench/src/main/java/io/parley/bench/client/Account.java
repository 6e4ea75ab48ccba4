package io.parley.bench.client;

/** A user the bench registered and logged in during setup: connecting later needs no further REST call. */
public record Account(int index, String userId, String username, String accessToken) {
}
