package io.parley.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Refuses JSON request bodies over {@link #MAX_BYTES} with 413 PAYLOAD_TOO_LARGE before anything reads them:
 * without it a client could make the server hold a body of any size in memory, as a string being parsed.
 * The largest body the API takes is a group created with its most members (2,000 user ids, about 80 KB).
 * Uploads are multipart and have limits of their own.
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {

    static final int MAX_BYTES = 1024 * 1024;

    private final ObjectMapper json;
    private final ErrorMetrics metrics;

    JsonBodyLimit(ObjectMapper json, ErrorMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BYTES) {
            refuse(response);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);   // the container reads no more than the declared length
            return;
        }
        // Sent in chunks, without a length: read at most one byte past the limit to know.
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            refuse(response);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        ErrorResponses.write(response, json, metrics, ErrorCode.PAYLOAD_TOO_LARGE,
                "A JSON body may have at most " + MAX_BYTES + " bytes");
    }

    /** The request with its body, already read, served from memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The whole body is here already: it is all available at once, and then all read. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
