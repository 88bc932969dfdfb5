package be.venpmg.nestkaart.interop;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;

/**
 * Stands in for a running service in another process: holds an open IndexWriter on the folder given, with a commit
 * that is not Nestkaart's, and on each line of input answers whether its lock and writer are still intact.
 */
public final class IndexLockHolder {
    private IndexLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (FSDirectory directory = FSDirectory.open(Path.of(args[0]));
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new StringField("id", "another-process", StringField.Store.YES));
            writer.addDocument(doc);
            writer.commit();
            System.out.println("holding");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            while (in.readLine() != null) {
                try {
                    writer.addDocument(doc);
                    writer.commit();
                    System.out.println("intact");
                } catch (AlreadyClosedException | java.io.IOException e) {
                    System.out.println("broken: " + e);
                }
            }
        }
    }
}
