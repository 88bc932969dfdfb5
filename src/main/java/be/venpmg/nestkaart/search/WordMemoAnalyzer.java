package be.venpmg.nestkaart.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link CustomAnalyzer} whose token filters run once per distinct word, not once per occurrence: the filters'
 * output for a word the tokenizer produced is remembered and replayed the next time that word comes. Stemming and
 * decompounding were a third of a rebuild's CPU while a corpus repeats a few tens of thousands of words. Only for
 * chains whose every filter looks at one token alone (lowercasing, stop words, compounds, stemming, duplicates at
 * one position; not synonyms, which read several): analysis.json says so with {@code "memoizedWords"}.
 * The output is the chain's own, token for token (positions, offsets, types; {@code WordMemoAnalyzerTest}).
 */
final class WordMemoAnalyzer extends Analyzer {
    private final CustomAnalyzer chain;
    private final int maxWords;

    WordMemoAnalyzer(CustomAnalyzer chain, int maxWords) {
        this.chain = chain;
        this.maxWords = maxWords;
    }

    /** The chain itself, which analyses every occurrence anew. */
    CustomAnalyzer chain() {
        return chain;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        for (CharFilterFactory charFilter : chain.getCharFilterFactories()) {
            reader = charFilter.create(reader);
        }
        return reader;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = chain.getTokenizerFactory().create(attributeFactory(fieldName));
        return new TokenStreamComponents(tokenizer, new MemoizedFilters(tokenizer, chain.getTokenFilterFactories(),
                maxWords));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return chain.getPositionIncrementGap(fieldName);
    }

    @Override
    public int getOffsetGap(String fieldName) {
        return chain.getOffsetGap(fieldName);
    }

    /** One token the filters made of a word, with offsets relative to the word. */
    private record Output(char[] term, int positionIncrement, int positionLength, String type, int start, int end) {
    }

    /**
     * Feeds each word alone through the filters (on a miss) and replays the remembered output. Per thread (an
     * analyser's components are), bounded: the memory is emptied when it holds {@code maxWords} words.
     */
    private static final class MemoizedFilters extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private final OneWord word = new OneWord();
        private final TokenStream filters;
        private final CharArrayMap<Output[]> memory;
        private final int maxWords;
        private Output[] pending;
        private int next;
        private int wordStart;
        private int wordEnd;
        private int wordLength;
        private int skippedPositions;

        MemoizedFilters(Tokenizer input, List<TokenFilterFactory> factories, int maxWords) {
            super(input);
            TokenStream chain = word;
            for (TokenFilterFactory factory : factories) {
                chain = factory.create(chain);
            }
            this.filters = chain;
            this.maxWords = maxWords;
            this.memory = new CharArrayMap<>(Math.min(maxWords, 1024), false);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (pending == null || next == pending.length) {
                if (!input.incrementToken()) {
                    return false;
                }
                Output[] known = memory.get(term.buffer(), 0, term.length());
                if (known == null) {
                    known = analyse();
                    if (memory.size() >= maxWords) {
                        memory.clear();
                    }
                    memory.put(term.toString(), known);
                }
                if (known.length == 0) {
                    skippedPositions += increment.getPositionIncrement();
                    continue;
                }
                pending = known;
                next = 0;
                wordStart = offset.startOffset();
                wordEnd = offset.endOffset();
                wordLength = term.length();
            }
            Output out = pending[next];
            term.copyBuffer(out.term(), 0, out.term().length);
            if (next == 0) {
                increment.setPositionIncrement(out.positionIncrement() - 1 + increment.getPositionIncrement()
                        + skippedPositions);
                skippedPositions = 0;
            } else {
                increment.setPositionIncrement(out.positionIncrement());
            }
            length.setPositionLength(out.positionLength());
            type.setType(out.type());
            offset.setOffset(wordOffset(out.start()), wordOffset(out.end()));
            next++;
            return true;
        }

        /** An offset inside the word as an offset in the text (a char filter may have changed the word's length). */
        private int wordOffset(int inWord) {
            return inWord >= wordLength ? wordEnd : Math.min(wordEnd, wordStart + inWord);
        }

        private Output[] analyse() throws IOException {
            word.set(term.buffer(), term.length(), type.type());
            List<Output> outputs = new ArrayList<>(2);
            filters.reset();
            while (filters.incrementToken()) {
                outputs.add(word.current());
            }
            filters.end();
            filters.close();
            return outputs.toArray(Output[]::new);
        }

        @Override
        public void end() throws IOException {
            super.end();
            increment.setPositionIncrement(increment.getPositionIncrement() + skippedPositions);
            skippedPositions = 0;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending = null;
            next = 0;
            skippedPositions = 0;
        }
    }

    /** A stream of one word, the filters' input; the filters share its attributes, so they hold their output. */
    private static final class OneWord extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);
        private char[] buffer = new char[0];
        private String wordType;
        private boolean given;

        void set(char[] chars, int count, String tokenType) {
            buffer = Arrays.copyOf(chars, count);
            wordType = tokenType;
        }

        /** The token the filters have just made. */
        Output current() {
            return new Output(Arrays.copyOf(term.buffer(), term.length()), increment.getPositionIncrement(),
                    length.getPositionLength(), type.type(), offset.startOffset(), offset.endOffset());
        }

        @Override
        public boolean incrementToken() {
            if (given) {
                return false;
            }
            clearAttributes();
            term.copyBuffer(buffer, 0, buffer.length);
            offset.setOffset(0, buffer.length);
            increment.setPositionIncrement(1);
            length.setPositionLength(1);
            type.setType(wordType);
            given = true;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(buffer.length, buffer.length);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            given = false;
        }
    }
}
