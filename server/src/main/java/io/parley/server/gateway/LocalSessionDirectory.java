package io.parley.server.gateway;

import io.parley.server.delivery.DeviceConnection;
import io.parley.server.delivery.SessionDirectory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * Adds a device. A device id is unique per user, so an older connection with the same id leaves the
     * directory in the same step and is returned for the caller to close.
     */
    Optional<DeviceConnection> register(DeviceConnection device) {
        DeviceConnection[] replaced = new DeviceConnection[1];
        byUser.compute(device.user().id(), (id, devices) -> {
            CopyOnWriteArrayList<DeviceConnection> list = devices == null ? new CopyOnWriteArrayList<>() : devices;
            list.stream().filter(d -> d.deviceId().equals(device.deviceId())).findFirst().ifPresent(old -> {
                replaced[0] = old;
                list.remove(old);
            });
            list.add(device);
            return list;
        });
        return Optional.ofNullable(replaced[0]);
    }

    /** Removes exactly this connection; a newer connection of the same device stays. */
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
