package io.parley.server;

import io.parley.server.gateway.GatewayProperties;
import io.parley.server.gateway.GatewayServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, once everything is up, where Parley can be reached: the one line a person starting it looks for. */
@Component
class ReadyReport {

    private static final Logger log = LoggerFactory.getLogger(ReadyReport.class);

    private final GatewayServer gateway;
    private final GatewayProperties gatewayProperties;

    ReadyReport(GatewayServer gateway, GatewayProperties gatewayProperties) {
        this.gateway = gateway;
        this.gatewayProperties = gatewayProperties;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            int http = web.getWebServer().getPort();
            log.info("Parley is ready: REST API http://localhost:{}/api/v1 (OpenAPI UI /swagger-ui.html), "
                    + "WebSocket ws://localhost:{}{}", http, gateway.port(), gatewayProperties.path());
        }
    }
}
