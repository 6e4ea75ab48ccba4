package io.parley.server.group;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Group settings ({@code parley.groups.*}).
 *
 * @param maxMembers   most members a group may have, owner included; creating, joining, approving or
 *                     accepting beyond it is refused with 409 GROUP_FULL
 * @param cachedGroups most group snapshots {@link GroupMembership} keeps in memory (least used dropped first)
 */
@ConfigurationProperties("parley.groups")
public record GroupProperties(@DefaultValue("2000") int maxMembers, @DefaultValue("10000") int cachedGroups) {

    public GroupProperties {
        if (maxMembers < 1) {
            throw new IllegalArgumentException("parley.groups.max-members must be at least 1");
        }
        if (cachedGroups < 1) {
            throw new IllegalArgumentException("parley.groups.cached-groups must be at least 1");
        }
    }
}
