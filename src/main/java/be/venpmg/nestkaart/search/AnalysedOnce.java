package be.venpmg.nestkaart.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A text's tokens, analysed once and replayed to every field that indexes them (its own and {@code all}), as Lucene's
 * CachingTokenFilter does. The analyser's stream is closed as soon as the tokens are recorded, so the analyser serves
 * the next text at once; the recording has attributes of its own, so that reuse cannot touch it.
 */
final class AnalysedOnce extends TokenStream {
    private final List<State> tokens = new ArrayList<>();
    private final State end;
    private Iterator<State> replay;

    private AnalysedOnce(TokenStream source) throws IOException {
        super(source.cloneAttributes());
        source.reset();
        while (source.incrementToken()) {
            tokens.add(source.captureState());
        }
        source.end();
        end = source.captureState();
    }

    static TokenStream of(Analyzer analyzer, String field, String text) throws IOException {
        try (TokenStream source = analyzer.tokenStream(field, text)) {
            return new AnalysedOnce(source);
        }
    }

    @Override
    public void reset() {
        replay = tokens.iterator();
    }

    @Override
    public boolean incrementToken() {
        if (!replay.hasNext()) {
            return false;
        }
        restoreState(replay.next());
        return true;
    }

    @Override
    public void end() {
        restoreState(end);
    }
}
