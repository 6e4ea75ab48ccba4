package io.parley.server.gateway;

import io.parley.protocol.Frame;
import io.parley.protocol.Welcome;
import io.parley.server.delivery.CloseCodes;
import io.parley.server.delivery.DeviceConnection;
import io.parley.server.delivery.DeviceListener;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens when a device's connection opens and closes: greeting, the session directory, replacement, and
 * telling the {@link DeviceListener}s.
 */
@Component
class DeviceSessions {

    private static final Logger log = LoggerFactory.getLogger(DeviceSessions.class);

    private final LocalSessionDirectory directory;
    private final GatewayProperties properties;
    private final Clock clock;
    private final List<DeviceListener> listeners;

    DeviceSessions(LocalSessionDirectory directory, GatewayProperties properties, Clock clock,
            List<DeviceListener> listeners) {
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Greets the device, then makes it reachable. In that order, so the Welcome is always its first frame. An
     * older connection of the same device gives way.
     */
    void opened(DeviceConnection device) {
        device.send(welcome(device).toByteArray());
        directory.register(device).ifPresent(older -> older.close(CloseCodes.REPLACED, "replaced"));
        listeners.forEach(listener -> listener.connected(device));
        log.debug("Connected {}", device);
    }

    /** Called once per opened device, after {@link #opened}. */
    void closed(DeviceConnection device) {
        directory.unregister(device);
        listeners.forEach(listener -> listener.disconnected(device));
        log.debug("Disconnected {}", device);
    }

    private Frame welcome(DeviceConnection device) {
        return Frame.newBuilder()
                .setWelcome(Welcome.newBuilder()
                        .setUserId(device.user().uuid())
                        .setDeviceId(device.deviceId())
                        .setHeartbeatIntervalSeconds(Math.toIntExact(properties.heartbeatInterval().toSeconds()))
                        .setIdleTimeoutSeconds(Math.toIntExact(properties.idleTimeout().toSeconds()))
                        .setMaxFrameBytes(properties.maxFrameBytes())
                        .setServerTime(clock.millis()))
                .build();
    }
}
