package io.parley.server.group;

import io.parley.server.web.ApiException;
import io.parley.server.web.ErrorCode;

/** The refusals several group services give, worded once. */
final class GroupRefusals {

    private GroupRefusals() {
    }

    /** No such group, a dissolved one, or (for what only members see) one the caller is not in. */
    static ApiException notFound() {
        return new ApiException(ErrorCode.GROUP_NOT_FOUND, "No such group");
    }

    static ApiException notAdmin() {
        return new ApiException(ErrorCode.NOT_GROUP_ADMIN, "Only the group's owner and admins may do this");
    }
}
