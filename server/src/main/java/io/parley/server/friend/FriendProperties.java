package io.parley.server.friend;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Friend settings ({@code parley.friends.*}).
 *
 * @param allowMessagesFromStrangers true lets users who are not friends message each other (blocks still apply);
 *                                   false limits 1:1 messages to friends
 */
@ConfigurationProperties("parley.friends")
public record FriendProperties(@DefaultValue("false") boolean allowMessagesFromStrangers) {
}
