package io.parley.server.support;

import io.parley.server.support.ApiClient.Account;
import io.parley.server.support.ApiClient.Response;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The group endpoints as a client calls them. Groups are named by their public id. */
public record GroupApi(ApiClient api) {

    private static final String GROUPS = "/api/v1/groups";

    public Response create(Account owner, String name, String joinPolicy, Account... members) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("joinPolicy", joinPolicy);
        body.put("memberIds", Arrays.stream(members).map(Account::id).toList());
        return api.post(GROUPS, owner.accessToken(), body);
    }

    /** Creates a group that must succeed and returns its id. */
    public String createOk(Account owner, String joinPolicy, Account... members) {
        Response created = create(owner, ApiClient.uniqueName("group"), joinPolicy, members);
        if (created.status() != 201) {
            throw new AssertionError("group creation failed: " + created.status() + " " + created.body());
        }
        return created.body().path("id").asString();
    }

    public Response get(Account who, String groupId) {
        return api.get(GROUPS + "/" + groupId, who.accessToken());
    }

    public Response search(Account who, String q) {
        return api.get(GROUPS + "?q=" + q, who.accessToken());
    }

    public Response mine(Account who) {
        return api.get(GROUPS + "/mine", who.accessToken());
    }

    /** Ids of the groups in a list answer, or in the items of a page. */
    public static List<String> ids(Response list) {
        var items = list.body().has("items") ? list.body().path("items") : list.body();
        return items.valueStream().map(g -> g.path("id").asString()).toList();
    }

    public Response change(Account who, String groupId, Map<String, ?> body) {
        return api.patch(GROUPS + "/" + groupId, who.accessToken(), body);
    }

    public Response dissolve(Account who, String groupId) {
        return api.delete(GROUPS + "/" + groupId, who.accessToken());
    }

    public Response muteAll(Account who, String groupId) {
        return api.put(GROUPS + "/" + groupId + "/mute", who.accessToken(), null);
    }

    public Response unmuteAll(Account who, String groupId) {
        return api.delete(GROUPS + "/" + groupId + "/mute", who.accessToken());
    }

    public Response transfer(Account who, String groupId, Account to) {
        return api.post(GROUPS + "/" + groupId + "/transfer", who.accessToken(), Map.of("userId", to.id()));
    }

    public Response join(Account who, String groupId) {
        return api.post(GROUPS + "/" + groupId + "/join", who.accessToken(), null);
    }

    /** Joins an OPEN group, which must succeed. */
    public void joinOk(Account who, String groupId) {
        expect(join(who, groupId), 200, "join");
    }

    public Response requests(Account who, String groupId) {
        return api.get(GROUPS + "/" + groupId + "/requests", who.accessToken());
    }

    public Response approve(Account who, String groupId, long requestId) {
        return api.post(GROUPS + "/" + groupId + "/requests/" + requestId + "/approve", who.accessToken(), null);
    }

    public Response reject(Account who, String groupId, long requestId) {
        return api.post(GROUPS + "/" + groupId + "/requests/" + requestId + "/reject", who.accessToken(), null);
    }

    public Response invite(Account who, String groupId, Account invitee) {
        return api.post(GROUPS + "/" + groupId + "/invitations", who.accessToken(), Map.of("userId", invitee.id()));
    }

    /** Invites, which must succeed, and returns the invitation's id. */
    public long inviteOk(Account who, String groupId, Account invitee) {
        return expect(invite(who, groupId, invitee), 201, "invite").body().path("id").asLong();
    }

    public Response invitations(Account who) {
        return api.get("/api/v1/group-invitations", who.accessToken());
    }

    public Response acceptInvitation(Account who, long invitationId) {
        return api.post("/api/v1/group-invitations/" + invitationId + "/accept", who.accessToken(), null);
    }

    public Response declineInvitation(Account who, long invitationId) {
        return api.post("/api/v1/group-invitations/" + invitationId + "/reject", who.accessToken(), null);
    }

    public Response members(Account who, String groupId) {
        return api.get(GROUPS + "/" + groupId + "/members", who.accessToken());
    }

    /** Public ids of the members in a member list answer, in its order. */
    public static List<String> memberIds(Response list) {
        return list.body().valueStream().map(m -> m.path("id").asString()).toList();
    }

    public Response leave(Account who, String groupId) {
        return api.delete(GROUPS + "/" + groupId + "/members/me", who.accessToken());
    }

    public Response kick(Account who, String groupId, Account target) {
        return api.delete(GROUPS + "/" + groupId + "/members/" + target.id(), who.accessToken());
    }

    public Response ban(Account who, String groupId, Account target) {
        return api.put(GROUPS + "/" + groupId + "/bans/" + target.id(), who.accessToken(), null);
    }

    public Response unban(Account who, String groupId, Account target) {
        return api.delete(GROUPS + "/" + groupId + "/bans/" + target.id(), who.accessToken());
    }

    public Response bans(Account who, String groupId) {
        return api.get(GROUPS + "/" + groupId + "/bans", who.accessToken());
    }

    /** Mutes for {@code minutes}, or until unmuted when null. */
    public Response mute(Account who, String groupId, Account target, Integer minutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("minutes", minutes);
        return api.put(GROUPS + "/" + groupId + "/members/" + target.id() + "/mute", who.accessToken(), body);
    }

    public Response unmute(Account who, String groupId, Account target) {
        return api.delete(GROUPS + "/" + groupId + "/members/" + target.id() + "/mute", who.accessToken());
    }

    public Response setRole(Account who, String groupId, Account target, String role) {
        return api.put(GROUPS + "/" + groupId + "/members/" + target.id() + "/role", who.accessToken(),
                Map.of("role", role));
    }

    /** Makes {@code target} an admin, which must succeed. */
    public void promote(Account owner, String groupId, Account target) {
        expect(setRole(owner, groupId, target, "ADMIN"), 200, "promote");
    }

    private static Response expect(Response response, int status, String what) {
        if (response.status() != status) {
            throw new AssertionError(what + " failed: " + response.status() + " " + response.body());
        }
        return response;
    }
}
