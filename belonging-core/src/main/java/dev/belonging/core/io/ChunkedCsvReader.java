package dev.belonging.core.io;

import dev.belonging.core.internal.ModelAccess;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.InvalidResponsesException;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The fast path of {@link ResponseCsv}: reads the UTF-8 bytes of a responses file directly (no decoding
 * to characters, no parser library), in chunks on several threads, and merges the chunks in file order so
 * that the result is exactly what the one-threaded streaming reader gives: the same rows in the same order,
 * the same dictionary codes, the same duplicate ids, problems, lines and messages.
 *
 * <p><b>Chunks.</b> The bytes after the header are cut into chunks of about {@link #DEFAULT_CHUNK_BYTES}
 * just after a line break. A line break may lie inside a quoted cell, so a cut is only a guess: each chunk
 * is parsed from its guessed start, and the merge, which goes through the chunks in order, checks that the
 * previous chunk's last record really ended there. If it did not (the cut fell inside a quoted cell), the
 * chunk is parsed again from where the previous one ended, before it is merged. Rows are only ever merged
 * from a chunk whose start is proven, so quoted line breaks cannot fool the split.
 *
 * <p><b>Merge.</b> A chunk parses its rows with chunk-relative line numbers, its own dictionary per
 * attribute (keyed by bytes) and every row's problems but the one that needs the rows before it: a
 * duplicate id. The merge numbers the lines, looks every id up among the rows kept so far (so a duplicate
 * is found across chunks exactly as in one pass), assigns global dictionary codes in first-seen order over
 * the rows kept, and appends the kept rows' columns. Merging runs on whichever thread finishes a chunk
 * while the next chunks are still being parsed by the others.
 *
 * <p><b>What it leaves to the streaming reader.</b> Files that are rejected as a whole or that need the
 * streaming reader's character-level handling: invalid UTF-8, a quote inside an unquoted cell or text after
 * a closing quote, an unterminated quote, a cell longer than the cell limit in bytes, a record over
 * {@link #MAX_RECORD_BYTES} or with more than {@link #MAX_FIELDS} cells, any problem of the header, an
 * empty file or one without rows, and the row and distinct-value limits. For these {@link #read} returns
 * {@code null} and the caller reads the file again with the streaming reader, which reports them; they are
 * rare, and mostly files that are rejected anyway.
 *
 * <p>Not thread-safe; one instance reads one input.
 */
final class ChunkedCsvReader {

  /** Zeros that clear a chunk's columns for reuse, a block at a time (never written). */
  private static final byte[] ZERO_BYTES = new byte[1 << 14];

  private static final int[] ZERO_INTS = new int[1 << 12];

  /** The size of a chunk, before it is cut at a line break. */
  static final int DEFAULT_CHUNK_BYTES = 4 << 20;

  /** Records longer than this are left to the streaming reader (whose buffer is far larger). */
  static final int MAX_RECORD_BYTES = 1 << 20;

  /** Records with more cells than this are left to the streaming reader. */
  static final int MAX_FIELDS = 4096;

  /** How far past its end a chunk's window reaches at first, for the record that crosses the end. */
  private static final int SLACK = 64 << 10;

  /** How far a cut is looked for past its guessed position. */
  private static final int CUT_SEARCH = 64 << 10;

  private static final byte VALID = 0;
  private static final byte INVALID = 1;
  private static final byte BLANK_ID = 2;

  /** Signals that the input needs the streaming reader; carries no stack. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String why) {
      super(why, null, false, false);
    }
  }

  /** Signals that the window ended inside a record; carries no stack. */
  private static final class NeedMore extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NeedMore() {
      super(null, null, false, false);
    }
  }

  private static final NeedMore NEED_MORE = new NeedMore();

  /** Random access to the input's bytes. */
  interface Source {

    /** Returns the number of bytes. */
    long size() throws IOException;

    /** Reads exactly {@code len} bytes at {@code position}; safe to call from several threads. */
    void read(long position, byte[] dst, int off, int len) throws IOException;

    static Source of(byte[] bytes) {
      return new Source() {
        @Override
        public long size() {
          return bytes.length;
        }

        @Override
        public void read(long position, byte[] dst, int off, int len) {
          System.arraycopy(bytes, (int) position, dst, off, len);
        }
      };
    }

    static Source of(FileChannel channel) {
      return new Source() {
        @Override
        public long size() throws IOException {
          return channel.size();
        }

        @Override
        public void read(long position, byte[] dst, int off, int len) throws IOException {
          ByteBuffer b = ByteBuffer.wrap(dst, off, len);
          while (b.hasRemaining()) {
            int n = channel.read(b, position + b.position() - off);
            if (n < 0) {
              throw new IOException("the file ended early: it changed while it was read");
            }
          }
        }
      };
    }
  }

  private final Instrument instrument;
  private final ResponseCsv config;
  private final CsvLimits limits;
  /** The cell separator, as a byte: every separator a reader accepts is ASCII. */
  private final byte separator;
  private final RatingCells ratings;
  private final Source source;
  private final long size;
  private final int chunkBytes;
  private final int threads;

  private CsvHeader header;
  private int columns;
  private int[] ratingQuestions; // instrument indexes of rating questions with a column
  private int[] commentQuestions;
  private int attributeCount;
  private int[][] digitCodes; // by rating question and digit: the answer's code, 0 outside the scale
  private int[] ratingRunEnd; // by column: the first column from it on that is not a rating question's

  // chunks: [cuts[i], cuts[i + 1])
  private long[] cuts;
  private AtomicReferenceArray<Chunk> parsed;
  private final ReentrantLock mergeLock = new ReentrantLock();
  private volatile boolean stopped;
  private volatile Throwable failure;

  // the merge, in file order, under mergeLock
  private volatile int merged; // chunks merged; read without the lock to hold back threads running ahead
  private long mergedEnd; // where the last merged chunk's last record ended
  private long nextLine; // the line at mergedEnd
  private long records; // data records merged, kept or not
  private int kept;
  private byte[] ids = new byte[1 << 16];
  private int[] idOffsets = new int[1 << 12];
  private long[] keptLines = new long[1 << 12];
  private long[] table = new long[1 << 12]; // id hash << 32 | kept row + 1; 0 = empty
  private byte[][] answers;
  private long[][] missing; // per rating question, the kept rows without an answer as bits
  private String[][] comments;
  private GlobalCodes[] codes;
  private List<List<String>> values;
  private List<Map<String, Integer>> valueCodes;
  private final List<RejectedRow> rejected = new ArrayList<>();
  /**
   * The row arrays of merged chunks, cleared, for chunks still to parse: a chunk's rows are copied at the
   * merge, so its arrays can take the next chunk's, which spares fresh memory and the collector's work.
   */
  private final ConcurrentLinkedQueue<Chunk> spare = new ConcurrentLinkedQueue<>();
  private long warmth; // keeps the warming loads from being optimised away

  private ChunkedCsvReader(ResponseCsv config, Source source, long size, int chunkBytes, int threads) {
    this.config = config;
    this.instrument = config.instrument();
    this.limits = config.limits();
    this.separator = (byte) config.separator();
    this.ratings = new RatingCells(instrument);
    this.source = source;
    this.size = size;
    this.chunkBytes = chunkBytes;
    this.threads = threads;
  }

  /** The threads to parse with by default: the available processors. */
  static int defaultThreads() {
    return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Reads a responses file on the fast path.
   *
   * @param config the reader's settings
   * @param source the bytes
   * @param sourceName what to call the input in messages
   * @param chunkBytes the chunk size, at least 1 (small sizes are for tests)
   * @param threads the threads to parse on, at least 1
   * @return the result, or {@code null} if the input needs the streaming reader (see the class description)
   * @throws InvalidResponsesException in strict mode, if rows have problems
   * @throws IOException if the input cannot be read
   */
  static ImportResult read(ResponseCsv config, Source source, String sourceName, int chunkBytes, int threads)
      throws IOException {
    ChunkedCsvReader reader = new ChunkedCsvReader(config, source, source.size(), chunkBytes, threads);
    try {
      return reader.run(sourceName);
    } catch (Unsupported | ResponseCsvHandler.Stop e) {
      return null;
    }
  }

  private ImportResult run(String sourceName) throws IOException {
    long dataStart = readHeader();
    if (dataStart >= size) {
      throw new Unsupported("header without rows");
    }
    cut(dataStart);
    prepareMerge(dataStart);
    int n = cuts.length - 1;
    parsed = new AtomicReferenceArray<>(n);
    AtomicInteger next = new AtomicInteger();
    int helpers = Math.min(threads, n) - 1;
    Thread[] started = new Thread[helpers];
    for (int t = 0; t < helpers; t++) {
      started[t] = new Thread(() -> work(next, n), "belonging-csv-" + (t + 1));
      started[t].setDaemon(true);
      started[t].start();
    }
    work(next, n);
    for (Thread t : started) {
      try {
        t.join();
      } catch (InterruptedException e) {
        stopped = true;
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading", e);
      }
    }
    rethrow();
    mergeLock.lock();
    try {
      mergeReady(n);
    } finally {
      mergeLock.unlock();
    }
    rethrow();
    if (merged != n) {
      throw new IllegalStateException("chunks left unmerged");
    }
    if (records == 0) {
      throw new Unsupported("header without rows");
    }
    List<Problem> problems = new ArrayList<>();
    for (RejectedRow r : rejected) {
      problems.addAll(r.problems());
    }
    if (config.mode() == ImportMode.STRICT && !problems.isEmpty()) {
      throw new InvalidResponsesException("invalid responses in " + sourceName, problems);
    }
    return ImportResult.of(build(), rejected);
  }

  private void rethrow() throws IOException {
    Throwable f = failure;
    if (f instanceof IOException e) {
      throw e;
    }
    if (f instanceof RuntimeException e) {
      throw e;
    }
    if (f instanceof Error e) {
      throw e;
    }
  }

  private void work(AtomicInteger next, int n) {
    byte[][] window = new byte[1][];
    try {
      int i;
      while (!stopped && (i = next.getAndIncrement()) < n) {
        awaitMerge(i, n);
        parsed.set(i, parseChunk(cuts[i], cuts[i + 1], window));
        if (mergeLock.tryLock()) {
          try {
            mergeReady(n);
          } finally {
            mergeLock.unlock();
          }
        }
      }
    } catch (Throwable t) {
      stopped = true;
      if (failure == null) {
        failure = t;
      }
    }
  }

  /**
   * Keeps the parsed but unmerged chunks, and so memory, bounded: a thread does not start a chunk more
   * than a few ahead of the merge, but helps the merge or waits. The chunk the merge needs next was taken
   * by a thread that does not wait, so this cannot deadlock.
   */
  private void awaitMerge(int i, int n) throws IOException {
    int ahead = 2 * threads + 2;
    while (!stopped && i - merged > ahead) {
      if (mergeLock.tryLock()) {
        try {
          mergeReady(n);
        } finally {
          mergeLock.unlock();
        }
      }
      if (i - merged > ahead) {
        LockSupport.parkNanos(50_000);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // header and cuts

  /** Reads and maps the header; returns where the data starts and sets the line there. */
  private long readHeader() throws IOException {
    int want = (int) Math.min(size, 1 << 16);
    while (true) {
      byte[] buf = new byte[want];
      source.read(0, buf, 0, want);
      Chunk c = new Chunk(buf, want, 0, want, want == size);
      try {
        return c.header();
      } catch (NeedMore e) {
        if (want == size || want > MAX_RECORD_BYTES) {
          throw new Unsupported("header too long");
        }
        want = (int) Math.min(size, 2L * want);
      }
    }
  }

  /** Guesses the chunks' starts: just after the first line break at or after every chunkBytes-th byte. */
  private void cut(long dataStart) throws IOException {
    List<Long> starts = new ArrayList<>();
    starts.add(dataStart);
    byte[] look = new byte[CUT_SEARCH];
    for (long at = dataStart + chunkBytes; at < size; at += chunkBytes) {
      long last = starts.get(starts.size() - 1);
      if (at <= last) {
        continue;
      }
      int len = (int) Math.min(CUT_SEARCH, size - at);
      source.read(at, look, 0, len);
      for (int i = 0; i < len; i++) {
        byte b = look[i];
        if (b == '\n' || (b == '\r' && i + 1 < len && look[i + 1] != '\n')) {
          if (at + i + 1 < size) {
            starts.add(at + i + 1);
          }
          break;
        }
      }
    }
    cuts = new long[starts.size() + 1];
    for (int i = 0; i < starts.size(); i++) {
      cuts[i] = starts.get(i);
    }
    cuts[starts.size()] = size;
  }

  /** Parses a chunk, widening its window while its last record runs past it. */
  private Chunk parseChunk(long start, long end, byte[][] window) throws IOException {
    if (start >= end) {
      return emptyChunk(start);
    }
    long windowEnd = Math.min(size, end + SLACK);
    while (true) {
      int len = (int) (windowEnd - start);
      if (window[0] == null || window[0].length < len) {
        window[0] = new byte[Math.max(len, chunkBytes + SLACK)];
      }
      byte[] buf = window[0];
      source.read(start, buf, 0, len);
      Chunk c = new Chunk(buf, len, start, (int) (end - start), windowEnd == size);
      try {
        c.rows();
        c.buf = null;
        return c;
      } catch (NeedMore e) {
        if (windowEnd == size || windowEnd - end > 64L * MAX_RECORD_BYTES) {
          c.unsupported = new Unsupported("record too long");
          return c;
        }
        windowEnd = Math.min(size, end + 2 * (windowEnd - end));
      } catch (Unsupported e) {
        Chunk failed = emptyChunk(start);
        failed.unsupported = e;
        return failed;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // merge

  private void prepareMerge(long dataStart) {
    mergedEnd = dataStart;
    List<Question> qs = instrument.questions();
    answers = new byte[qs.size()][];
    missing = new long[qs.size()][];
    comments = new String[qs.size()][];
    int capacity = 1 << 12;
    for (int q : ratingQuestions) {
      answers[q] = new byte[capacity];
      missing[q] = new long[words(capacity)];
    }
    for (int q : commentQuestions) {
      comments[q] = new String[capacity];
    }
    codes = new GlobalCodes[attributeCount];
    for (int a = 0; a < attributeCount; a++) {
      codes[a] = new GlobalCodes(capacity);
    }
    values = new ArrayList<>();
    valueCodes = new ArrayList<>();
    for (int a = 0; a < attributeCount; a++) {
      values.add(new ArrayList<>());
      valueCodes.add(new HashMap<>());
    }
  }

  /** Merges every parsed chunk that follows the merged ones; the caller holds {@link #mergeLock}. */
  private void mergeReady(int n) throws IOException {
    while (!stopped && merged < n) {
      Chunk c = parsed.get(merged);
      if (c == null) {
        return;
      }
      if (c.start != mergedEnd) {
        // the guessed start was inside a quoted cell of the previous chunk's last record
        c = parseChunk(mergedEnd, Math.max(mergedEnd, cuts[merged + 1]), new byte[1][]);
      }
      if (c.unsupported != null) {
        throw c.unsupported;
      }
      merge(c);
      parsed.set(merged, null);
      merged++;
    }
  }

  /** Merges a chunk whose start is proven; the steps are methods of their own to compile small. */
  private void merge(Chunk c) {
    long base = nextLine;
    ensureKept(kept + c.rows, c);
    int firstKept = kept;
    boolean[] keep = decide(c, base);
    for (int a = 0; a < attributeCount; a++) {
      appendCodes(c, a, keep, firstKept);
    }
    appendAnswers(c, keep, firstKept);
    appendMissing(c, keep, firstKept);
    mergedEnd = c.end;
    nextLine = base + c.breaks;
    c.clearRows();
    spare.add(c);
  }

  /**
   * Decides every row in order, ids first, so that a later row of the chunk sees an earlier one: keeps the
   * valid rows whose id is new, rejects the others with their problems.
   */
  private boolean[] decide(Chunk c, long base) {
    boolean[] keep = new boolean[c.rows];
    long warm = 0;
    for (int r = 0; r < c.rows; r++) {
      if ((r & 15) == 0) {
        // touch the next rows' slots first: independent loads overlap their cache misses
        int mask = table.length - 1;
        for (int w = r; w < Math.min(c.rows, r + 16); w++) {
          warm += table[c.idHash[w] & mask];
        }
      }
      records++;
      if (records > limits.maxRows()) {
        throw new Unsupported("row limit");
      }
      int before = -1;
      if (c.status[r] != BLANK_ID) {
        int from = c.idOffsets[r];
        int len = c.idOffsets[r + 1] - from;
        before = find(c.idBytes, from, len, c.idHash[r]);
        if (before < 0 && c.status[r] == VALID) {
          keepId(c.idBytes, from, len, c.idHash[r], base + c.lines[r]);
          keep[r] = true;
        }
      }
      if (!keep[r]) {
        reject(c, r, base, before);
      }
    }
    warmth += warm;
    return keep;
  }

  /** Rejects a row with its problems, a duplicate id (of kept row {@code before}, if not -1) among them. */
  private void reject(Chunk c, int r, long base, int before) {
    long line = base + c.lines[r];
    List<Problem> problems = new ArrayList<>();
    RowProblems own = c.problems.get(r);
    if (own != null) {
      for (Problem p : own.early) {
        problems.add(p.withLine(p.line() + base));
      }
    }
    if (before >= 0) {
      int from = c.idOffsets[r];
      String where = " (first on line " + keptLines[before] + ")";
      problems.add(Problem.ofCell(line, config.idColumn(), "duplicate respondent id" + where,
          "duplicate respondent id \"" + new String(c.idBytes, from, c.idOffsets[r + 1] - from,
              StandardCharsets.UTF_8) + "\"" + where));
    }
    if (own != null) {
      for (Problem p : own.late) {
        problems.add(p.withLine(p.line() + base));
      }
    }
    rejected.add(RejectedRow.of(line, problems));
  }

  /** Appends attribute {@code a}'s codes of the kept rows, coded in first-seen order over kept rows. */
  private void appendCodes(Chunk c, int a, boolean[] keep, int firstKept) {
    int[] local = c.codes[a];
    int[] map = c.globalCodes[a];
    GlobalCodes global = codes[a];
    int row = firstKept;
    for (int r = 0; r < c.rows; r++) {
      if (keep[r]) {
        int g = map[local[r]];
        if (g < 0) {
          g = map[local[r]] = globalCode(a, c.dictionaries[a].value(local[r]));
        }
        global.set(row++, g);
      }
    }
  }

  /** Appends the kept rows' answers and comments, in runs of kept rows. */
  private void appendAnswers(Chunk c, boolean[] keep, int firstKept) {
    int to = firstKept;
    int r = 0;
    while (r < c.rows) {
      if (!keep[r]) {
        r++;
        continue;
      }
      int from = r;
      while (r < c.rows && keep[r]) {
        r++;
      }
      int len = r - from;
      for (int q : ratingQuestions) {
        System.arraycopy(c.answers[q], from, answers[q], to, len);
      }
      for (int q : commentQuestions) {
        System.arraycopy(c.comments[q], from, comments[q], to, len);
      }
      to += len;
    }
  }

  /**
   * Marks the kept rows' missing answers, which the chunk listed as it parsed them (so that no one looks
   * for them among the answers again). A kept row's place is its row in the chunk when the chunk kept every
   * row, else the rows kept before it.
   */
  private void appendMissing(Chunk c, boolean[] keep, int firstKept) {
    int[] place = null;
    if (kept - firstKept < c.rows) {
      place = new int[c.rows];
      for (int r = 0, p = 0; r < c.rows; r++) {
        place[r] = p;
        if (keep[r]) {
          p++;
        }
      }
    }
    for (int q : ratingQuestions) {
      int[] rows = c.missingRows[q];
      long[] bits = missing[q];
      for (int i = 0, n = c.missingCount[q]; i < n; i++) {
        int r = rows[i];
        if (keep[r]) {
          int row = firstKept + (place == null ? r : place[r]);
          bits[row >>> 6] |= 1L << row;
        }
      }
    }
  }

  /** The words of bits that {@code rows} rows take. */
  private static int words(int rows) {
    return (rows + 63) >>> 6;
  }

  /** Returns the global code of an attribute value, giving a new value the next code. */
  private int globalCode(int a, String value) {
    Integer known = valueCodes.get(a).get(value);
    if (known == null) {
      known = values.get(a).size();
      values.get(a).add(value);
      valueCodes.get(a).put(value, known);
      if (values.get(a).size() > limits.maxDistinctValues()) {
        // the streaming reader stops at the row that brought the value; dictionaries only grow, so
        // whether that happens at all is known here
        throw new Unsupported("distinct value limit");
      }
    }
    return known;
  }

  private void ensureKept(int rows, Chunk c) {
    if (rows + 1 < idOffsets.length) {
      return;
    }
    int capacity = Math.max(rows + 1, idOffsets.length + (idOffsets.length >> 1));
    if (kept == 0 && merged == 0 && rows > 0) {
      // the first chunk tells how many rows the input has, about: allocate for them at once
      long bytes = Math.max(1, cuts[1] - cuts[0]);
      long estimate = (long) ((double) (size - cuts[0]) / bytes * rows * 1.02) + 16;
      capacity = (int) Math.max(capacity, Math.min(Integer.MAX_VALUE - 16, estimate));
      // and the ids' bytes and table likewise, from the first chunk's ids
      long idBytes = (long) ((double) c.idOffsets[c.rows] / rows * capacity);
      ids = new byte[(int) Math.min(Integer.MAX_VALUE - 8L, Math.max(ids.length, idBytes))];
      int slots = Integer.highestOneBit((int) Math.min(1 << 30, 2L * capacity)) << 1;
      if (slots > table.length) {
        table = new long[slots];
      }
    }
    idOffsets = Arrays.copyOf(idOffsets, capacity + 1);
    keptLines = Arrays.copyOf(keptLines, capacity);
    resizeColumns(answers, comments, capacity);
    for (int q : ratingQuestions) {
      missing[q] = Arrays.copyOf(missing[q], words(capacity));
    }
    for (GlobalCodes column : codes) {
      column.resize(capacity);
    }
  }

  /** Copies every rating and comment column of a store of rows to a new capacity. */
  private void resizeColumns(byte[][] answerColumns, String[][] commentColumns, int capacity) {
    for (int q : ratingQuestions) {
      answerColumns[q] = Arrays.copyOf(answerColumns[q], capacity);
    }
    for (int q : commentQuestions) {
      commentColumns[q] = Arrays.copyOf(commentColumns[q], capacity);
    }
  }

  /** Returns the kept row with this id, or -1. */
  private int find(byte[] b, int from, int len, int hash) {
    int mask = table.length - 1;
    int i = hash & mask;
    while (true) {
      long slot = table[i];
      if (slot == 0) {
        return -1;
      }
      int row = (int) slot - 1;
      if ((int) (slot >>> 32) == hash
          && Arrays.equals(ids, idOffsets[row], idOffsets[row + 1], b, from, from + len)) {
        return row;
      }
      i = (i + 1) & mask;
    }
  }

  private void keepId(byte[] b, int from, int len, int hash, long line) {
    int start = idOffsets[kept];
    if (start + len > ids.length) {
      ids = Arrays.copyOf(ids, (int) Math.min(Integer.MAX_VALUE - 8L,
          Math.max((long) ids.length * 3 / 2, (long) start + len)));
    }
    System.arraycopy(b, from, ids, start, len);
    idOffsets[kept + 1] = start + len;
    keptLines[kept] = line;
    insert(table, (long) hash << 32 | (kept + 1));
    kept++;
    if (kept * 2 > table.length) {
      long[] bigger = new long[table.length * 2];
      for (long slot : table) {
        if (slot != 0) {
          insert(bigger, slot);
        }
      }
      table = bigger;
    }
  }

  /** Puts {@code hash << 32 | value} into an open-addressing table at the hash's place. */
  private static void insert(long[] t, long slot) {
    int mask = t.length - 1;
    int i = (int) (slot >>> 32) & mask;
    while (t[i] != 0) {
      i = (i + 1) & mask;
    }
    t[i] = slot;
  }

  private ResponseSet build() {
    byte[][] a = new byte[answers.length][];
    long[][] m = new long[answers.length][];
    String[][] t = new String[comments.length][];
    for (int q : ratingQuestions) {
      a[q] = trim(answers[q]);
      m[q] = missing[q].length - words(kept) <= missing[q].length / 16
          ? missing[q] : Arrays.copyOf(missing[q], words(kept));
    }
    for (int q : commentQuestions) {
      t[q] = Arrays.copyOf(comments[q], kept);
    }
    for (String absent : header.absent) {
      int q = instrument.indexOf(absent);
      if (instrument.questions().get(q).isRating()) {
        a[q] = new byte[kept]; // no column: every answer missing, as the response set finds from the codes
      } else {
        t[q] = new String[kept];
      }
    }
    Object[] c = new Object[attributeCount];
    for (int i = 0; i < attributeCount; i++) {
      c[i] = codes[i].array(kept);
    }
    table = null;
    keptLines = null;
    int idLength = idOffsets[kept];
    byte[] idBytes = ids.length - idLength <= ids.length / 16 ? ids : Arrays.copyOf(ids, idLength);
    int[] offsets = idOffsets.length - (kept + 1) <= idOffsets.length / 16
        ? idOffsets : Arrays.copyOf(idOffsets, kept + 1);
    return ModelAccess.responseSets().fromColumns(instrument, config.wave(), header.attributes,
        header.absent, kept, idBytes, offsets, a, m, t, values, c);
  }

  /**
   * A column of the kept rows: as it is when the estimate of the rows left it at most a sixteenth longer
   * (the response set reads only its first rows), else copied to its length.
   */
  private byte[] trim(byte[] column) {
    return column.length - kept <= column.length / 16 ? column : Arrays.copyOf(column, kept);
  }

  /**
   * The kept rows' codes of one attribute, in the narrowest width that holds the largest code so far: one
   * byte per row while codes stay in 0..255, two bytes to 65535, four beyond. Codes are given in first-seen
   * order, so the width is also the narrowest that holds the attribute's values, as the response set keeps
   * them; the column is widened once, when the first code beyond the width comes.
   */
  private static final class GlobalCodes {
    private byte[] bytes;
    private short[] shorts;
    private int[] ints;

    GlobalCodes(int capacity) {
      bytes = new byte[capacity];
    }

    /** Sets row {@code row}'s code; the row is below the capacity. */
    void set(int row, int code) {
      if (bytes != null && code <= 0xFF) {
        bytes[row] = (byte) code;
      } else {
        setWide(row, code);
      }
    }

    private void setWide(int row, int code) {
      if (bytes != null) {
        shorts = new short[bytes.length];
        for (int i = 0; i < row; i++) {
          shorts[i] = (short) (bytes[i] & 0xFF);
        }
        bytes = null;
      }
      if (shorts != null && code > 0xFFFF) {
        ints = new int[shorts.length];
        for (int i = 0; i < row; i++) {
          ints[i] = shorts[i] & 0xFFFF;
        }
        shorts = null;
      }
      if (shorts != null) {
        shorts[row] = (short) code;
      } else {
        ints[row] = code;
      }
    }

    void resize(int capacity) {
      if (bytes != null) {
        bytes = Arrays.copyOf(bytes, capacity);
      } else if (shorts != null) {
        shorts = Arrays.copyOf(shorts, capacity);
      } else {
        ints = Arrays.copyOf(ints, capacity);
      }
    }

    /** Returns the codes of rows {@code 0..rows-1}: the array itself, or a copy when it is much longer. */
    Object array(int rows) {
      if (bytes != null) {
        return bytes.length - rows <= bytes.length / 16 ? bytes : Arrays.copyOf(bytes, rows);
      }
      if (shorts != null) {
        return shorts.length - rows <= shorts.length / 16 ? shorts : Arrays.copyOf(shorts, rows);
      }
      return ints.length - rows <= ints.length / 16 ? ints : Arrays.copyOf(ints, rows);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // one chunk

  /** The problems of one row, but a duplicate id: those before it and those after it. */
  private Chunk emptyChunk(long at) {
    Chunk c = new Chunk(new byte[0], 0, at, 0, true);
    c.end = at;
    c.allocate(0);
    return c;
  }

  private static final class RowProblems {
    final List<Problem> early = new ArrayList<>(2);
    final List<Problem> late = new ArrayList<>(1);
  }

  /** Parses one chunk's bytes into its own columns; see the class description. */
  private final class Chunk {

    byte[] buf; // dropped once parsed
    final long start; // the position of buf[0] in the input
    final int limit; // records start before this index of buf
    final int length; // the bytes of buf that hold input
    final boolean toEnd; // whether buf ends where the input ends
    Unsupported unsupported;

    long end; // where the last record ended
    long breaks; // line breaks in start..end
    int rows;
    int[] lines; // chunk-relative line of each row's start
    byte[] status;
    byte[] idBytes;
    int[] idOffsets;
    int[] idHash;
    byte[][] answers;
    int[][] missingRows; // per rating question, the rows without an answer, in order
    int[] missingCount;
    String[][] comments;
    int[][] codes;
    ByteDictionary[] dictionaries;
    int[][] globalCodes;
    final Map<Integer, RowProblems> problems = new HashMap<>();

    // the row being read
    private int pos;
    private long line;
    private byte[] scratch = new byte[64];
    private byte[] cell; // the current cell's bytes: buf, or scratch when unescaped
    private int cellFrom;
    private int cellLength;
    private boolean cellHigh; // a byte >= 0x80
    private int idLength;
    private int[] staged; // answers outside their scale, by question
    private boolean[] outside;
    private boolean anyOutside;
    private RowProblems rowProblems;
    private final List<Problem> cellProblems = new ArrayList<>(1);

    Chunk(byte[] buf, int length, long start, int limit, boolean toEnd) {
      this.buf = buf;
      this.start = start;
      this.limit = limit;
      this.length = length;
      this.toEnd = toEnd;
    }

    // ----- the header

    long header() {
      int p = skipEmptyLines(skipByteOrderMark(), Integer.MAX_VALUE);
      if (p >= length) {
        throw new Unsupported("empty file");
      }
      long headerLine = 1 + line;
      List<String> names = new ArrayList<>();
      while (true) {
        p = field(p);
        if (names.size() >= MAX_FIELDS || cellLength > limits.maxCellChars()) {
          throw new Unsupported("wide header");
        }
        if (cellHigh && !Utf8.isValid(cell, cellFrom, cellFrom + cellLength)) {
          throw new Unsupported("invalid UTF-8 in the header");
        }
        names.add(new String(cell, cellFrom, cellLength, StandardCharsets.UTF_8));
        if (p < length && buf[p] == separator) {
          p++;
          continue;
        }
        p = lineBreak(p);
        break;
      }
      if (names.size() > limits.maxColumns()) {
        throw new Unsupported("too many columns");
      }
      header = CsvHeader.map(names, names.size(), headerLine, List.of(), instrument, config.idColumn(),
          config.attributes().orElse(null), config.questionColumns(), limits);
      columns = header.columns();
      List<Integer> r = new ArrayList<>();
      List<Integer> t = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        if (header.kind[i] == CsvHeader.RATING) {
          r.add(header.target[i]);
        } else if (header.kind[i] == CsvHeader.COMMENT) {
          t.add(header.target[i]);
        }
      }
      ratingQuestions = r.stream().mapToInt(Integer::intValue).toArray();
      commentQuestions = t.stream().mapToInt(Integer::intValue).toArray();
      attributeCount = header.attributes.size();
      ratingRunEnd = new int[columns + 1];
      ratingRunEnd[columns] = columns;
      for (int i = columns - 1; i >= 0; i--) {
        ratingRunEnd[i] = header.kind[i] == CsvHeader.RATING ? ratingRunEnd[i + 1] : i;
      }
      digitCodes = new int[instrument.questions().size()][10];
      for (int q : ratingQuestions) {
        for (int d = 0; d <= 9; d++) {
          digitCodes[q][d] = d >= ratings.min(q) && d <= ratings.max(q) ? d - ratings.min(q) + 1 : 0;
        }
      }
      nextLine = 1 + line;
      return p;
    }

    /** Skips a byte order mark at the very start, as the streaming reader's decoder does. */
    private int skipByteOrderMark() {
      if (length >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
        return 3;
      }
      return 0;
    }

    // ----- the rows

    void allocate(int capacity) {
      Chunk merged = capacity > 0 ? spare.poll() : null;
      if (merged != null && merged.lines.length >= capacity) {
        lines = merged.lines;
        status = merged.status;
        idOffsets = merged.idOffsets;
        idHash = merged.idHash;
        idBytes = merged.idBytes;
        answers = merged.answers;
        missingRows = merged.missingRows;
        missingCount = merged.missingCount;
        comments = merged.comments;
        codes = merged.codes;
        dictionaries = new ByteDictionary[attributeCount];
        globalCodes = new int[attributeCount][];
        return;
      }
      lines = new int[capacity];
      status = new byte[capacity];
      idOffsets = new int[capacity + 1];
      idHash = new int[capacity];
      idBytes = new byte[Math.max(16, capacity * 8)];
      answers = new byte[instrument.questions().size()][];
      missingRows = new int[answers.length][];
      missingCount = new int[answers.length];
      comments = new String[answers.length][];
      for (int q : ratingQuestions) {
        answers[q] = new byte[capacity];
        missingRows[q] = new int[16];
      }
      for (int q : commentQuestions) {
        comments[q] = new String[capacity];
      }
      codes = new int[attributeCount][capacity];
      dictionaries = new ByteDictionary[attributeCount];
      globalCodes = new int[attributeCount][];
    }

    void rows() {
      allocate(Math.max(16, limit / 64));
      staged = new int[answers.length];
      outside = new boolean[answers.length];
      for (int a = 0; a < attributeCount; a++) {
        dictionaries[a] = new ByteDictionary();
      }
      int p = 0;
      while (true) {
        p = skipEmptyLines(p, limit);
        if (p >= limit || p >= length) {
          break;
        }
        p = row(p);
      }
      end = start + p;
      breaks = line;
      cell = null;
      scratch = null;
      for (int a = 0; a < attributeCount; a++) {
        globalCodes[a] = new int[dictionaries[a].size()];
        Arrays.fill(globalCodes[a], -1);
      }
    }

    /** Skips empty lines from {@code p}, but not past {@code until}. */
    private int skipEmptyLines(int p, int until) {
      while (p < until && p < length) {
        byte b = buf[p];
        if (b == '\n') {
          line++;
          p++;
        } else if (b == '\r') {
          p = lineBreak(p);
        } else {
          break;
        }
      }
      return p;
    }

    /** Consumes a line break at {@code p} (CR LF, LF or CR), or nothing at the end of the input. */
    private int lineBreak(int p) {
      if (p >= length) {
        if (!toEnd) {
          throw NEED_MORE;
        }
        return p;
      }
      line++;
      if (buf[p] == '\r') {
        if (p + 1 >= length) {
          if (!toEnd) {
            throw NEED_MORE;
          }
          return p + 1;
        }
        return buf[p + 1] == '\n' ? p + 2 : p + 1;
      }
      return p + 1;
    }

    /** Reads one cell from {@code p}; returns the position of the separator or line break after it. */
    private int field(int p) {
      byte[] b = buf;
      int n = length;
      byte sep = separator;
      if (p < n && b[p] == '"') {
        int from = ++p;
        int high = 0;
        boolean escaped = false;
        while (true) {
          if (p >= n) {
            if (toEnd) {
              throw new Unsupported("unterminated quote");
            }
            throw NEED_MORE;
          }
          byte c = b[p];
          if (c == '"') {
            if (p + 1 >= n && !toEnd) {
              throw NEED_MORE;
            }
            if (p + 1 < n && b[p + 1] == '"') {
              escaped = true;
              p += 2;
              continue;
            }
            break;
          }
          if (c == '\r' || (c == '\n' && b[p - 1] != '\r')) {
            line++;
          }
          high |= c;
          p++;
        }
        int to = p++;
        if (p < n) {
          byte c = b[p];
          if (c != sep && c != '\n' && c != '\r') {
            throw new Unsupported("text after a closing quote");
          }
        }
        cellHigh = high < 0;
        if (escaped) {
          unescape(from, to);
        } else {
          cell = b;
          cellFrom = from;
          cellLength = to - from;
        }
        return p;
      }
      int from = p;
      int high = 0;
      while (p < n) {
        byte c = b[p];
        if (c == sep || c == '\n' || c == '\r') {
          break;
        }
        if (c == '"') {
          throw new Unsupported("quote inside an unquoted cell");
        }
        high |= c;
        p++;
      }
      if (p >= n && !toEnd) {
        throw NEED_MORE;
      }
      cell = b;
      cellFrom = from;
      cellLength = p - from;
      cellHigh = high < 0;
      return p;
    }

    private void unescape(int from, int to) {
      if (scratch.length < to - from) {
        scratch = new byte[Math.max(to - from, scratch.length * 2)];
      }
      int n = 0;
      for (int i = from; i < to; i++) {
        scratch[n++] = buf[i];
        if (buf[i] == '"') {
          i++; // the second quote of a doubled one
        }
      }
      cell = scratch;
      cellFrom = 0;
      cellLength = n;
    }

    private int row(int p) {
      int r = rows;
      if (r >= lines.length) {
        grow();
      }
      long rowLine = line;
      int recordStart = p;
      lines[r] = (int) rowLine;
      idLength = -1;
      rowProblems = null;
      // fields read once, into locals: the quick JIT compiler would read them again for every cell
      final byte[] b = buf;
      final int[] targets = header.target;
      final int cols = columns;
      final int n = length;
      final int[][] digits = digitCodes;
      final byte[][] rated = answers;
      final byte sep = separator;
      final int[] runEnd = ratingRunEnd;
      int col = 0;
      while (true) {
        // the common cells: a run of ratings of one digit, unquoted, read in one loop when the window holds
        // the whole run; the cell that ends it early (empty, quoted, longer) is read below, then the run
        // goes on from the next cell
        int end = col < cols ? runEnd[col] : col;
        if (end > col && p + 2 * (end - col) < n) {
          boolean rowEnded = false;
          while (col < end) {
            int digit = b[p] - '0';
            byte after = b[p + 1];
            if (digit < 0 || digit > 9 || (after != sep && after != '\n' && after != '\r')) {
              break;
            }
            int q = targets[col];
            int code = digits[q][digit];
            if (code > 0) {
              rated[q][r] = (byte) code;
            } else {
              staged[q] = digit;
              outside[q] = true;
              anyOutside = true;
            }
            col++;
            p++;
            if (after != sep) {
              rowEnded = true;
              break;
            }
            p++;
          }
          if (rowEnded) {
            p = lineBreak(p);
            break;
          }
        }
        p = otherCell(p, r, col, rowLine);
        col++;
        if (p < n && b[p] == sep) {
          p++;
          continue;
        }
        p = lineBreak(p);
        break;
      }
      endRow(r, col, rowLine, p - recordStart);
      return p;
    }

    /**
     * Reads any cell but a one-digit rating; returns the position of the separator or line break after it.
     * Kept apart from {@link #row} so that the loop over a row's cells stays small to compile.
     */
    private int otherCell(int p, int r, int col, long rowLine) {
      if (col < columns && header.kind[col] == CsvHeader.ATTRIBUTE) {
        // the next most common cell: an unquoted attribute value of ASCII text, keyed and hashed as it is
        // scanned: its first 7 bytes into the key, the others into the tail's hash (see valueHash)
        byte[] b = buf;
        int n = length;
        byte sep = separator;
        int from = p;
        long key = 0;
        for (int first = Math.min(n, p + 7); p < first; p++) {
          byte c = b[p];
          if (c == sep || c == '\n' || c == '\r' || c == '"' || c < 0) {
            break;
          }
          key |= (long) c << ((p - from) << 3);
        }
        int tail = 1;
        if (p - from == 7) {
          for (; p < n; p++) {
            byte c = b[p];
            if (c == sep || c == '\n' || c == '\r' || c == '"' || c < 0) {
              break;
            }
            tail = 31 * tail + c;
          }
        }
        int len = p - from;
        key |= (long) Math.min(len, 255) << 56;
        if (p < n && (b[p] == sep || b[p] == '\n' || b[p] == '\r') && len <= limits.maxCellChars()) {
          int a = header.target[col];
          codes[a][r] = dictionaries[a].code(b, from, len, valueHash(key, tail), key);
          return p;
        }
        p = from; // quoted, non-ASCII, too long or at the window's end: the general way
      }
      p = field(p);
      if (col >= MAX_FIELDS) {
        throw new Unsupported("too many cells");
      }
      if (cellHigh && !Utf8.isValid(cell, cellFrom, cellFrom + cellLength)) {
        throw new Unsupported("invalid UTF-8");
      }
      if (col < columns) {
        cell(r, col, rowLine);
      }
      return p;
    }

    /** Checks a row read up to its end: its cell count, its id and its answers outside their scales. */
    private void endRow(int r, int cells, long rowLine, int recordBytes) {
      if (recordBytes > MAX_RECORD_BYTES) {
        throw new Unsupported("record too long");
      }
      if (cells != columns) {
        problems().early.add(CsvHeader.cellCount(rowLine, cells, columns));
      }
      idOffsets[r + 1] = idOffsets[r];
      if (isBlankId(r)) {
        problems().early.add(Problem.ofCell(rowLine, config.idColumn(), "blank respondent id"));
        status[r] = BLANK_ID;
      } else {
        idOffsets[r + 1] = idOffsets[r] + idLength;
        idHash[r] = hash(idBytes, idOffsets[r], idLength);
        status[r] = VALID;
      }
      if (anyOutside) {
        for (int q = 0; q < outside.length; q++) {
          if (outside[q]) {
            problems().late.add(ratings.outsideScale(rowLine, q, staged[q]));
            outside[q] = false;
          }
        }
        anyOutside = false;
      }
      if (rowProblems != null) {
        problems.put(r, rowProblems);
        if (status[r] == VALID) {
          status[r] = INVALID;
        }
      }
      rows++;
    }

    private RowProblems problems() {
      if (rowProblems == null) {
        rowProblems = new RowProblems();
      }
      return rowProblems;
    }

    /** Whether the row's id is missing or all white space ({@link Character#isWhitespace}). */
    private boolean isBlankId(int r) {
      if (idLength <= 0) {
        return true;
      }
      int from = idOffsets[r];
      boolean ascii = true;
      for (int i = from; i < from + idLength; i++) {
        byte b = idBytes[i];
        if (b < 0) {
          ascii = false;
          break;
        }
        if (!Character.isWhitespace(b)) {
          return false;
        }
      }
      if (ascii) {
        return true;
      }
      String id = new String(idBytes, from, idLength, StandardCharsets.UTF_8);
      for (int i = 0; i < id.length(); i++) {
        if (!Character.isWhitespace(id.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    /** Stages a rating cell that is not a bare digit: through {@link RatingCells}, as the other reader. */
    private void rating(int r, int col, int q, long rowLine) {
      int len = cellLength;
      if (len == 0) {
        missingAt(q, r);
        return;
      }
      char[] chars = new String(cell, cellFrom, len, StandardCharsets.UTF_8).toCharArray();
      int value = ratings.parse(q, header.names.get(col), rowLine, chars, 0, chars.length, cellProblems);
      if (!cellProblems.isEmpty()) {
        problems().early.addAll(cellProblems);
        cellProblems.clear();
      }
      if (value <= RatingCells.INVALID) {
        missingAt(q, r); // blank; or a problem, whose row is not kept
        return;
      }
      int min = ratings.min(q);
      if (value >= min && value <= ratings.max(q)) {
        answers[q][r] = (byte) (value - min + 1);
      } else {
        staged[q] = value;
        outside[q] = true;
        anyOutside = true;
      }
    }

    /** Lists row {@code r} among question {@code q}'s rows without an answer. */
    private void missingAt(int q, int r) {
      int n = missingCount[q];
      if (n == missingRows[q].length) {
        missingRows[q] = Arrays.copyOf(missingRows[q], n + (n >> 1) + 16);
      }
      missingRows[q][n] = r;
      missingCount[q] = n + 1;
    }

    private void cell(int r, int col, long rowLine) {
      int len = cellLength;
      if (len > limits.maxCellChars()) {
        throw new Unsupported("long cell");
      }
      int target = header.target[col];
      switch (header.kind[col]) {
        case CsvHeader.RATING:
          rating(r, col, target, rowLine);
          return;
        case CsvHeader.ATTRIBUTE: {
          long key = key(cell, cellFrom, len);
          int h = valueHash(key, tail(cell, cellFrom, len));
          codes[target][r] = dictionaries[target].code(cell, cellFrom, len, h, key);
          return;
        }
        case CsvHeader.ID: {
          int from = idOffsets[r];
          if (from + len > idBytes.length) {
            idBytes = Arrays.copyOf(idBytes, Math.max(from + len, idBytes.length * 2));
          }
          System.arraycopy(cell, cellFrom, idBytes, from, len);
          idLength = len;
          return;
        }
        case CsvHeader.COMMENT: {
          String text = new String(cell, cellFrom, len, StandardCharsets.UTF_8);
          comments[target][r] = text.isBlank() ? null : text;
          return;
        }
        default:
          return;
      }
    }

    /**
     * Clears the rows this chunk used, so that another chunk can parse into its arrays: the answers, which
     * parsing leaves at zero (missing) for an empty cell, and, so that nothing of these rows is left behind,
     * the attribute codes and comments.
     */
    void clearRows() {
      Arrays.fill(missingCount, 0);
      // copied from arrays of zeros: the quick compiler turns a copy into wide moves, a fill into a loop of
      // single stores
      for (byte[] column : answers) {
        if (column != null) {
          for (int from = 0; from < rows; from += ZERO_BYTES.length) {
            System.arraycopy(ZERO_BYTES, 0, column, from, Math.min(ZERO_BYTES.length, rows - from));
          }
        }
      }
      for (String[] column : comments) {
        if (column != null) {
          Arrays.fill(column, 0, rows, null);
        }
      }
      for (int[] column : codes) {
        for (int from = 0; from < rows; from += ZERO_INTS.length) {
          System.arraycopy(ZERO_INTS, 0, column, from, Math.min(ZERO_INTS.length, rows - from));
        }
      }
    }

    private void grow() {
      int capacity = lines.length + (lines.length >> 1) + 16;
      lines = Arrays.copyOf(lines, capacity);
      status = Arrays.copyOf(status, capacity);
      idOffsets = Arrays.copyOf(idOffsets, capacity + 1);
      idHash = Arrays.copyOf(idHash, capacity);
      resizeColumns(answers, comments, capacity);
      for (int a = 0; a < attributeCount; a++) {
        codes[a] = Arrays.copyOf(codes[a], capacity);
      }
    }
  }

  /** A respondent id's hash, in the merge's table of the kept rows' ids. */
  static int hash(byte[] b, int from, int len) {
    int h = 1;
    for (int i = from; i < from + len; i++) {
      h = 31 * h + b[i];
    }
    return mix(h);
  }

  /**
   * A value's first 7 bytes, little-endian and zero-padded, with its length (at most 255) in the top byte:
   * equal keys mean equal values of up to 7 bytes.
   */
  static long key(byte[] b, int from, int len) {
    long key = 0;
    for (int i = 0; i < Math.min(len, 7); i++) {
      key |= (long) (b[from + i] & 0xFF) << (i << 3);
    }
    return key | (long) Math.min(len, 255) << 56;
  }

  /** The 31-hash of a value's bytes after its 7th, 1 when it has none: with its key, its {@link #valueHash}. */
  static int tail(byte[] b, int from, int len) {
    int h = 1;
    for (int i = from + 7; i < from + len; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  /**
   * An attribute value's hash in a chunk's dictionary, from its {@link #key} and its {@link #tail}: the key
   * and the tail mixed by a multiplication whose high half depends on every bit of both. Values that share
   * their first 7 bytes and their length differ in the tail; the scan of a cell makes the key of the first
   * bytes and the tail's hash of the others, never both for one byte.
   */
  static int valueHash(long key, int tail) {
    return (int) (((key ^ tail) * 0x9E3779B97F4A7C15L) >>> 32);
  }

  private static int mix(int h) {
    return (h ^ (h >>> 16)) * 0x45d9f3b;
  }

  /** Dictionary encoding of one attribute's values in one chunk, keyed by their bytes. */
  private static final class ByteDictionary {

    private byte[] pool = new byte[256];
    private int[] offsets = new int[17]; // code c is pool[offsets[c]..offsets[c+1]]
    private int size;
    // pairs of slots: hash << 32 | code + 1 (0 = empty), then the value's key (see ChunkedCsvReader#key)
    private long[] table = new long[32];

    /**
     * Returns the code of {@code b[from..from+len)}, adding it if new. A value of up to 7 bytes is
     * compared by its key alone, found next to its slot; a longer one also by its bytes after the 7th.
     *
     * @param h the value's {@link ChunkedCsvReader#valueHash}
     * @param key the value's {@link ChunkedCsvReader#key}
     */
    int code(byte[] b, int from, int len, int h, long key) {
      long[] t = table;
      int mask = (t.length >> 1) - 1;
      int i = h & mask;
      while (true) {
        long slot = t[i << 1];
        if (slot == 0) {
          return add(b, from, len, h, i, key);
        }
        if ((int) (slot >>> 32) == h && t[(i << 1) + 1] == key) {
          int c = (int) slot - 1;
          if (len <= 7 || offsets[c + 1] - offsets[c] == len
              && Arrays.equals(pool, offsets[c] + 7, offsets[c + 1], b, from + 7, from + len)) {
            return c;
          }
        }
        i = (i + 1) & mask;
      }
    }

    int size() {
      return size;
    }

    String value(int code) {
      return new String(pool, offsets[code], offsets[code + 1] - offsets[code], StandardCharsets.UTF_8);
    }

    private int add(byte[] b, int from, int len, int h, int i, long key) {
      int at = offsets[size];
      if (at + len > pool.length) {
        pool = Arrays.copyOf(pool, Math.max(at + len, pool.length * 2));
      }
      System.arraycopy(b, from, pool, at, len);
      if (size + 2 > offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[size + 1] = at + len;
      table[i << 1] = (long) h << 32 | (size + 1);
      table[(i << 1) + 1] = key;
      size++;
      if (size * 4 > table.length) {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = (table.length >> 1) - 1;
        for (int j = 0; j < old.length; j += 2) {
          if (old[j] != 0) {
            int k = (int) (old[j] >>> 32) & mask;
            while (table[k << 1] != 0) {
              k = (k + 1) & mask;
            }
            table[k << 1] = old[j];
            table[(k << 1) + 1] = old[j + 1];
          }
        }
      }
      return size - 1;
    }
  }

}
