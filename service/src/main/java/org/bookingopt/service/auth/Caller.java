package org.bookingopt.service.auth;

/**
 * Who sends a request, as the {@link CallerFilter} resolved it for the controllers.
 *
 * @param user          the user name: the owner of the jobs this caller submits
 * @param role          {@code admin} may read and cancel every job; {@code user} only its own
 * @param authenticated true when an API key proved who it is; false with authentication off, when the
 *                      {@code X-User-ID} header is taken on trust
 */
public record Caller(String user, KeyRole role, boolean authenticated) {
    /** The request attribute that holds the caller. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public boolean isAdmin() {
        return role == KeyRole.ADMIN;
    }

    /**
     * May read the job of {@code owner}: its own, any as admin, and any with authentication off (as before
     * keys: the job id, a random UUID, is what lets an anonymous client poll).
     */
    public boolean mayRead(String owner) {
        return !authenticated || isAdmin() || user.equals(owner);
    }

    /** May cancel the job of {@code owner}: its own, or any as admin. */
    public boolean mayChange(String owner) {
        return isAdmin() || user.equals(owner);
    }
}
