package io.wsbed.toxiproxy.proxy;

/**
 * The fields a client sends for a proxy; null means "not given" (on create: listen "" and enabled
 * true; on update: keep the current value).
 */
public record ProxySettings(String name, String listen, String upstream, Boolean enabled) {
}
