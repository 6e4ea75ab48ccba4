package io.parley.server.gateway;

import io.parley.server.delivery.DeviceConnection;
import io.parley.server.delivery.SessionDirectory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * The devices connected to this node, by user. Reads (every delivery) vastly outnumber writes (connect and
 * disconnect), hence copy-on-write lists per user.
 */
@Component
class LocalSessionDirectory implements SessionDirectory {

    private final Map<Long, CopyOnWriteArrayList<DeviceConnection>> byUser = new ConcurrentHashMap<>();

    @Override
    public Collection<DeviceConnection> devicesOf(long userId) {
        Collection<DeviceConnection> devices = byUser.get(userId);
        return devices == null ? List.of() : devices;
    }

    void register(DeviceConnection device) {
        byUser.computeIfAbsent(device.user().id(), id -> new CopyOnWriteArrayList<>()).add(device);
    }

    void unregister(DeviceConnection device) {
        byUser.computeIfPresent(device.user().id(), (id, devices) -> {
            devices.remove(device);
            return devices.isEmpty() ? null : devices;
        });
    }

    /** Connected devices on this node, all users together. */
    int deviceCount() {
        return byUser.values().stream().mapToInt(List::size).sum();
    }
}
