package io.wsbed.toxiproxy.proxy;

/**
 * A failure the API reports to the client: the reference's message and HTTP status (see the error
 * catalogue in shared/reference/toxiproxy-api.md section 1.1).
 */
public final class ToxiproxyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ToxiproxyException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ToxiproxyException badRequest(String detail) {
        return new ToxiproxyException(400, "bad request body: " + detail);
    }

    public static ToxiproxyException missingField(String field) {
        return new ToxiproxyException(400, "missing required field: " + field);
    }

    public static ToxiproxyException proxyNotFound() {
        return new ToxiproxyException(404, "proxy not found");
    }

    public static ToxiproxyException proxyExists() {
        return new ToxiproxyException(409, "proxy already exists");
    }

    public static ToxiproxyException invalidStream() {
        return new ToxiproxyException(400, "stream was invalid, can be either upstream or downstream");
    }

    public static ToxiproxyException invalidToxicType() {
        return new ToxiproxyException(400, "invalid toxic type");
    }

    public static ToxiproxyException toxicExists() {
        return new ToxiproxyException(409, "toxic already exists");
    }

    public static ToxiproxyException toxicNotFound() {
        return new ToxiproxyException(404, "toxic not found");
    }

    /** A non-API failure (bind, resolve), reported as 500 like the reference's OS errors. */
    public static ToxiproxyException internal(String message) {
        return new ToxiproxyException(500, message);
    }
}
