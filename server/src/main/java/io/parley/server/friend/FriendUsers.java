package io.parley.server.friend;

import io.parley.server.user.User;
import io.parley.server.user.UserRepository;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Finds the users the friend endpoints talk about: by public id, by username, or in bulk for lists. */
@Component
class FriendUsers {

    private final UserRepository users;

    FriendUsers(UserRepository users) {
        this.users = users;
    }

    User byPublicId(UUID publicId) {
        return users.findByUuid(publicId.toString()).orElseThrow(() -> notFound("No user with id " + publicId));
    }

    User byUsername(String username) {
        return users.findByUsername(username).orElseThrow(() -> notFound("No user named '" + username + "'"));
    }

    Map<Long, User> byIds(Collection<Long> ids) {
        return users.findAllById(ids).stream().collect(Collectors.toMap(User::getId, Function.identity()));
    }

    private static ApiException notFound(String message) {
        return new ApiException(ErrorCode.USER_NOT_FOUND, message);
    }
}
