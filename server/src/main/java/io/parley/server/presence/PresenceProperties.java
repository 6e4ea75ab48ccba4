package io.parley.server.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Presence settings ({@code parley.presence.*}).
 *
 * @param shutdownWriteBudget how long shutdown may spend writing the last seen of the users it disconnected;
 *                            what does not fit keeps its previous value (the first batch is always written)
 */
@ConfigurationProperties("parley.presence")
public record PresenceProperties(@DefaultValue("5s") Duration shutdownWriteBudget) {
}
