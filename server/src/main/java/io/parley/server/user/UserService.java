package io.parley.server.user;

import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import io.parley.server.web.PageView;
import java.time.Clock;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and changing profiles. Changes always apply to the account the caller's token names. */
@Service
class UserService {

    private final UserRepository users;
    private final Clock clock;

    UserService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    UserViews.Own own(long userId) {
        return UserViews.Own.of(existing(userId));
    }

    @Transactional
    UserViews.Own updateProfile(long userId, ProfileUpdate update) {
        User user = existing(userId);
        user.updateProfile(update.nickname(), update.email(), clock.instant());
        return UserViews.Own.of(user);
    }

    @Transactional
    UserViews.Own changeAvatar(long userId, String avatarKey) {
        User user = existing(userId);
        user.changeAvatar(avatarKey, clock.instant());
        return UserViews.Own.of(user);
    }

    @Transactional(readOnly = true)
    UserViews.Public publicProfile(String uuid) {
        return UserViews.Public.of(byPublicId(uuid));
    }

    /** Storage key of the user's avatar, or empty when they have none. */
    @Transactional(readOnly = true)
    Optional<String> avatarKey(String uuid) {
        return Optional.ofNullable(byPublicId(uuid).getAvatar());
    }

    /** Users whose username or nickname contains {@code text}, ignoring case, in username order. */
    @Transactional(readOnly = true)
    PageView<UserViews.Public> search(String text, int page, int size) {
        PageRequest request = PageRequest.of(page, size, Sort.by("username"));
        return PageView.of(users.findByUsernameContainingIgnoreCaseOrNicknameContainingIgnoreCase(text, text, request),
                UserViews.Public::of);
    }

    /** A string that is not a user id (not even a UUID) simply names no user. */
    private User byPublicId(String uuid) {
        return users.findByUuid(uuid)
                .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "No such user"));
    }

    private User existing(long userId) {
        return users.findById(userId)
                .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "The account no longer exists"));
    }
}
