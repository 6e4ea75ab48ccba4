package io.parley.server.user;

import io.parley.server.media.AvatarImages;
import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;
import java.io.IOException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/** Users' avatars: the image rules are {@link AvatarImages}'; the key is kept in {@code users.avatar}. */
@Service
class AvatarService {

    private final AvatarImages images;
    private final UserService users;

    AvatarService(AvatarImages images, UserService users) {
        this.images = images;
        this.users = users;
    }

    /** Stores the upload as the user's avatar. The file is written before the row changes: no row points at nothing. */
    UserViews.Own replace(long userId, MultipartFile file) throws IOException {
        return users.changeAvatar(userId, images.store(file));
    }

    /** The avatar's storage key; 404 USER_NOT_FOUND for an unknown user, NOT_FOUND when they have no avatar. */
    String keyOf(String userUuid) {
        return users.avatarKey(userUuid)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "This user has no avatar"));
    }
}
