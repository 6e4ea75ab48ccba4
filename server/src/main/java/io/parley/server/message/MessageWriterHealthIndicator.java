package io.parley.server.message;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN when a message writer thread has died: the server still takes connections but stores no more messages
 * for that writer's conversations, so it must be restarted. Reported as "messageWriter", part of the liveness
 * group (application.yml).
 */
@Component
class MessageWriterHealthIndicator implements HealthIndicator {

    private final MessageWriter writer;

    MessageWriterHealthIndicator(MessageWriter writer) {
        this.writer = writer;
    }

    @Override
    public Health health() {
        return writer.writing() ? Health.up().build()
                : Health.down().withDetail("reason", "a message writer thread has stopped").build();
    }
}
