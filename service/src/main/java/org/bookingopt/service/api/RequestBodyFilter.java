package org.bookingopt.service.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.zip.GZIPInputStream;

import org.bookingopt.service.config.BookingOptProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Decodes gzip request bodies ({@code Content-Encoding: gzip}) and holds every body to
 * {@code bookingopt.limits.max-body}, counted after decoding. A body over the limit fails while it is read,
 * with {@link BodyTooLargeException}, which the {@link ApiExceptionHandler} answers with 413.
 */
@Component
public class RequestBodyFilter extends OncePerRequestFilter {
    private final long maxBytes;

    public RequestBodyFilter(BookingOptProperties properties) {
        this.maxBytes = properties.limits().maxBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        boolean gzip = encoding != null && (encoding.trim().equalsIgnoreCase("gzip")
                || encoding.trim().equalsIgnoreCase("x-gzip"));
        chain.doFilter(new LimitedBodyRequest(request, maxBytes, gzip), response);
    }

    /** The body is larger than the configured limit. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long maxBytes) {
            super("The request body is larger than the limit of " + maxBytes + " bytes"
                    + " (bookingopt.limits.max-body, counted after gzip decoding)");
        }
    }

    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final boolean gzip;
        private ServletInputStream body;

        LimitedBodyRequest(HttpServletRequest request, long maxBytes, boolean gzip) {
            super(request);
            this.maxBytes = maxBytes;
            this.gzip = gzip;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                if (!gzip && super.getContentLengthLong() > maxBytes) {
                    throw new BodyTooLargeException(maxBytes);
                }
                InputStream raw = super.getInputStream();
                body = new LimitedInputStream(gzip ? new GZIPInputStream(raw, 64 * 1024) : raw, maxBytes);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
        }

        // A decoded gzip body has no known length, and is no longer encoded.
        @Override
        public int getContentLength() {
            return gzip ? -1 : super.getContentLength();
        }

        @Override
        public long getContentLengthLong() {
            return gzip ? -1 : super.getContentLengthLong();
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !hidden(name)).toList());
        }

        private boolean hidden(String name) {
            return gzip && (HttpHeaders.CONTENT_ENCODING.equalsIgnoreCase(name)
                    || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name));
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final InputStream in;
        private final long maxBytes;
        private long read;
        private boolean finished;

        LimitedInputStream(InputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n == -1) {
                finished = true;
                return -1;
            }
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("bodies are read blocking");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
