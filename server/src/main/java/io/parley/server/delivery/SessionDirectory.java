package io.parley.server.delivery;

import java.util.Collection;

/**
 * Which devices each user has connected to this node. The message core and the push paths reach devices
 * only through this; the gateway keeps it up to date as connections open and close.
 */
public interface SessionDirectory {

    /** The user's connected devices on this node; empty when none. Keyed by the internal user id. */
    Collection<DeviceConnection> devicesOf(long userId);
}
