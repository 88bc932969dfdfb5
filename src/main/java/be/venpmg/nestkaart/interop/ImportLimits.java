package be.venpmg.nestkaart.interop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.ReadableBytes;

import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How large and deep an import may be. A dataset is read record by record into temporary files (as large as the
 * dataset) and checked from there; memory holds its ids (about 50 bytes each) and a batch of records. A file beyond
 * these limits is refused while it is read, with one line naming the limit, instead of exhausting the disk, memory or
 * the stack (a zip bomb, 50,000 nested arrays, a 20 MB string).
 *
 * @param maxFileSize     the file (JSON, zip, or a folder's files together) as it lies on disk
 * @param maxUnpackedSize all members of a data package together, as unpacked
 * @param maxNestingDepth JSON arrays and objects inside each other (a tabular dataset needs 4)
 * @param maxStringLength one JSON string or CSV cell, in characters
 * @param maxRecords      records of all tables together (each one's id is held in memory while the import checks)
 */
@ConfigurationProperties("nestkaart.import")
public record ImportLimits(@ReadableBytes long maxFileSize, @ReadableBytes long maxUnpackedSize, int maxNestingDepth,
                           int maxStringLength, long maxRecords) {

    /** A JSON reader that refuses what goes beyond the depth and string limits. */
    ObjectMapper jsonReader() {
        return new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .maxStringLength(maxStringLength)
                        .build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build());
    }

    /** The one-line reason for a refusal by {@link #jsonReader()}, naming the limit. */
    ImportRejectedException refusal(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("nesting depth")) {
            return rejected("is nested deeper than " + maxNestingDepth + " levels (limit nestkaart.import.max-nesting-depth)");
        }
        if (message.contains("string value length")) {
            return stringTooLong();
        }
        return rejected("holds a value beyond the parser's limits");
    }

    ImportRejectedException stringTooLong() {
        return rejected("holds a text longer than " + maxStringLength
                + " characters (limit nestkaart.import.max-string-length)");
    }

    ImportRejectedException fileTooLarge(long size) {
        return rejected("is " + size + " bytes, more than the " + maxFileSize
                + " bytes an import may have (limit nestkaart.import.max-file-size)");
    }

    /** What one dataset may still read: bytes unpacked and records, over all its files together. */
    ReadBudget budget() {
        return new ReadBudget();
    }

    /** A CSV reader that refuses a record longer than the string limit before the CSV parser buffers it whole. */
    Reader csvRecords(Reader reader) {
        return new FilterReader(reader) {
            private long inRecord;
            private boolean quoted;

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                for (int i = offset; i < offset + Math.max(n, 0); i++) {
                    char c = buffer[i];
                    if (c == '"') {
                        quoted = !quoted;
                    } else if ((c == '\n' || c == '\r') && !quoted) {
                        inRecord = 0;
                        continue;
                    }
                    if (++inRecord > maxStringLength) {
                        throw stringTooLong();
                    }
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                char[] one = new char[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }
        };
    }

    final class ReadBudget {
        private final AtomicLong bytes = new AtomicLong();
        private long records;

        void record() {
            if (++records > maxRecords) {
                throw rejected("has more than " + maxRecords + " records (limit nestkaart.import.max-records)");
            }
        }

        InputStream counted(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        spend(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        spend(n);
                    }
                    return n;
                }
            };
        }

        private void spend(long bytes) {
            if (this.bytes.addAndGet(bytes) > maxUnpackedSize) {
                throw rejected("unpacks to more than " + maxUnpackedSize
                        + " bytes (limit nestkaart.import.max-unpacked-size)");
            }
        }
    }

    private static ImportRejectedException rejected(String message) {
        return new ImportRejectedException(List.of(ImportProblem.ofFile("the dataset " + message)));
    }
}
