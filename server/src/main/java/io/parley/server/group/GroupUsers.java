package io.parley.server.group;

import io.parley.server.user.User;
import io.parley.server.user.UserRepository;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Finds the users the group endpoints talk about: by public id, or in bulk for lists. */
@Component
class GroupUsers {

    private final UserRepository users;

    GroupUsers(UserRepository users) {
        this.users = users;
    }

    /** 404 USER_NOT_FOUND when no user has this id. */
    User byPublicId(UUID publicId) {
        return find(publicId)
                .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "No user with id " + publicId));
    }

    /**
     * The internal id of a user, or null when there is none: for actions aimed at members, where "no such
     * user" and "not a member" are the same answer.
     */
    Long idOf(UUID publicId) {
        return find(publicId).map(User::getId).orElse(null);
    }

    /** All the users, or 404 USER_NOT_FOUND naming one that does not exist. */
    List<User> allByPublicIds(Collection<UUID> publicIds) {
        List<String> wanted = publicIds.stream().map(UUID::toString).toList();
        List<User> found = users.findByUuidIn(wanted);
        if (found.size() < wanted.size()) {
            Collection<String> known = found.stream().map(User::getUuid).collect(Collectors.toSet());
            String missing = wanted.stream().filter(id -> !known.contains(id)).findFirst().orElseThrow();
            throw new ApiException(ErrorCode.USER_NOT_FOUND, "No user with id " + missing);
        }
        return found;
    }

    Map<Long, User> byIds(Collection<Long> ids) {
        return users.findAllById(ids).stream().collect(Collectors.toMap(User::getId, Function.identity()));
    }

    User byId(long id) {
        return users.findById(id).orElseThrow(() -> new IllegalStateException("user " + id + " does not exist"));
    }

    private Optional<User> find(UUID publicId) {
        return users.findByUuid(publicId.toString());
    }
}
