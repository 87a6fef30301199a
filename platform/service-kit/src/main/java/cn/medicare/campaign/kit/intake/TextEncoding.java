package cn.medicare.campaign.kit.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Which text a list is: the charset the Content-Type names, else UTF-8 (with or without a byte
 * order mark) when its beginning is valid UTF-8, else GB18030, what Excel writes as "CSV" on a
 * Chinese Windows. The decision rests on the first bytes only, so the body is never held whole.
 */
final class TextEncoding {

    static final Charset GB18030 = Charset.forName("GB18030");
    /** Several hundred rows of a list: enough to meet its Chinese names and villages. */
    private static final int SNIFFED = 64 * 1024;

    private TextEncoding() {
    }

    /** A reader that fails (with a {@link CharacterCodingException}) rather than guess at a byte it cannot decode. */
    static Reader reader(InputStream body, String contentType) throws IOException {
        Charset declared = declared(contentType);
        BufferedInputStream buffered = new BufferedInputStream(body, SNIFFED);
        Charset charset = declared != null ? declared : sniff(buffered);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(buffered, decoder);
    }

    private static Charset declared(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType).getCharset();
        } catch (InvalidMediaTypeException | IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw Refusals.unknownCharset();
        }
    }

    private static Charset sniff(BufferedInputStream body) throws IOException {
        body.mark(SNIFFED);
        byte[] start = body.readNBytes(SNIFFED);
        body.reset();
        return isUtf8(start, start.length == SNIFFED) ? StandardCharsets.UTF_8 : GB18030;
    }

    /** @param cut the bytes stop at an arbitrary point, so a character begun at the very end may be incomplete */
    private static boolean isUtf8(byte[] bytes, boolean cut) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), !cut);
        if (result.isError()) {
            return false;
        }
        return !cut || in.remaining() < 4;
    }
}
