package be.venpmg.nestkaart.interop;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One table's records, written to a temporary file as they are read and read back as often as the import needs, so
 * an import holds a few records in memory instead of the dataset (100,000 services bring 1.3 million records).
 * Deleted when closed.
 */
final class RecordSpool implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final ObjectMapper mapper;
    private final Path file;
    private JsonGenerator writer;
    private int size;

    RecordSpool(ObjectMapper mapper) {
        this.mapper = mapper;
        try {
            this.file = Files.createTempFile("nestkaart-import-", ".json");
            // Closing deletes it; this is for a dataset a caller never closed or a process stopped mid-import.
            file.toFile().deleteOnExit();
            this.writer = mapper.createGenerator(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the dataset to a temporary file", e);
        }
    }

    void append(ObjectNode record) {
        try {
            mapper.writeTree(writer, record);
            size++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the dataset to a temporary file", e);
        }
    }

    int size() {
        return size;
    }

    /** Gives each record with its position in the table; each call reads the records afresh (they may be changed). */
    void forEach(RecordVisitor visitor) {
        finishWriting();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
             JsonParser parser = mapper.createParser(in)) {
            for (int index = 0; parser.nextToken() == JsonToken.START_OBJECT; index++) {
                visitor.visit(index, (ObjectNode) mapper.readTree(parser));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled dataset", e);
        }
    }

    private void finishWriting() {
        if (writer != null) {
            try {
                writer.close();
                writer = null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spool the dataset to a temporary file", e);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException ignored) {
            // the file is deleted next
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    @FunctionalInterface
    interface RecordVisitor {
        void visit(int index, ObjectNode record);
    }
}
