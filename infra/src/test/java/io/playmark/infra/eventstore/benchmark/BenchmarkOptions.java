package io.playmark.infra.eventstore.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's command line.
 *
 * @param backends           {@code memory} and/or {@code h2}, in that order
 * @param subjects           stores to measure, raw first so that engines can be given as a share of it
 * @param events             events in the big store (the replay and the second load point)
 * @param smallStore         events in the small store (the first load point)
 * @param batchSize          the engines' batch size, and raw's {@code $in} batch size (Playmark's configured 500)
 * @param appendWindow       how long each append figure is measured
 * @param appendWindowEvents the most events one append figure writes, so that appends do not fill a small store
 * @param lagRate            events appended per second while a processor follows
 * @param lagBatch           events per append while a processor follows (10 by default: single-event appends
 *                           cannot reach 2,000/s on the H2 backend of a 2-core machine while a processor runs)
 * @param lagDuration        how long the steady appends last
 * @param budget             the most any one axon-mongo measurement may take
 * @param dataDir            where the servers' H2 files go (the same disk Playmark's data directory would use)
 * @param fillAxonMongoOnH2  whether axon-mongo's H2 store is filled to {@code events} too (slow, and its reads scan)
 * @param bigAggregates      1,000-event aggregates to load
 * @param smallAggregates    10-event aggregates to load
 * @param bigLoads           loads measured per 1,000-event figure
 * @param smallLoads         loads measured per 10-event figure
 * @param warmUp             whether a short unrecorded run on the memory backend first warms up the JIT
 */
record BenchmarkOptions(List<String> backends, List<String> subjects, long events, long smallStore, int batchSize,
                        Duration appendWindow, long appendWindowEvents, int lagRate, int lagBatch, Duration lagDuration,
                        Duration budget, Path dataDir, boolean fillAxonMongoOnH2, int bigAggregates,
                        int smallAggregates, int bigLoads, int smallLoads, boolean warmUp) {

    static final String USAGE = """
            EventStoreBenchmark [--backend memory|h2|both] [--events N] [--engines gap-aware,axon-mongo,raw]
                                [--quick] [--batch-size 500] [--append-seconds 10] [--lag-seconds 30]
                                [--lag-rate 2000] [--lag-batch 10] [--budget-seconds 30] [--data-dir DIR]
                                [--fill-axon-mongo-h2] [--[no-]warm-up]
              --quick   a smoke run: 20 k events, 5 k small store, 3 s append windows, 5 s of tracking, no warm-up""";

    static BenchmarkOptions parse(String[] args) {
        List<String> backends = List.of("memory", "h2");
        List<String> subjects = List.of(Results.RAW, Results.GAP_AWARE, Results.AXON_MONGO);
        boolean quick = Arrays.asList(args).contains("--quick");
        long events = quick ? 20_000 : 1_000_000;
        int batchSize = 500;
        int appendSeconds = quick ? 3 : 10;
        int lagSeconds = quick ? 5 : 30;
        int lagRate = 2_000;
        int lagBatch = 10;
        int budgetSeconds = quick ? 15 : 30;
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir"));
        boolean fillAxonMongoOnH2 = false;
        boolean warmUp = !quick;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--quick" -> {
                    continue;
                }
                case "--fill-axon-mongo-h2" -> {
                    fillAxonMongoOnH2 = true;
                    continue;
                }
                case "--no-warm-up" -> {
                    warmUp = false;
                    continue;
                }
                case "--warm-up" -> {
                    warmUp = true;
                    continue;
                }
                case "--backend" -> backends = switch (require(value, args[i])) {
                    case "both" -> List.of("memory", "h2");
                    case "memory", "h2" -> List.of(value);
                    default -> throw new IllegalArgumentException("--backend is memory, h2 or both");
                };
                case "--engines" -> subjects = subjects.stream()
                        .filter(List.of(require(value, args[i]).split(","))::contains).toList();
                case "--events" -> events = Long.parseLong(require(value, args[i]).replace("_", ""));
                case "--batch-size" -> batchSize = Integer.parseInt(require(value, args[i]));
                case "--append-seconds" -> appendSeconds = Integer.parseInt(require(value, args[i]));
                case "--lag-seconds" -> lagSeconds = Integer.parseInt(require(value, args[i]));
                case "--lag-rate" -> lagRate = Integer.parseInt(require(value, args[i]));
                case "--lag-batch" -> lagBatch = Integer.parseInt(require(value, args[i]));
                case "--budget-seconds" -> budgetSeconds = Integer.parseInt(require(value, args[i]));
                case "--data-dir" -> dataDir = Path.of(require(value, args[i]));
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        long smallStore = quick ? 5_000 : 10_000;
        if (events < smallStore) {
            throw new IllegalArgumentException("--events must be at least the small store of " + smallStore);
        }
        return new BenchmarkOptions(backends, subjects, events, smallStore, batchSize,
                                    Duration.ofSeconds(appendSeconds), Math.max(1_000, events / 10), lagRate,
                                    lagBatch, Duration.ofSeconds(lagSeconds),
                                    Duration.ofSeconds(budgetSeconds), dataDir, fillAxonMongoOnH2, quick ? 2 : 5,
                                    quick ? 20 : 50, quick ? 10 : 100, quick ? 50 : 1_000, warmUp);
    }

    /**
     * The warm-up: raw and the gap-aware engine once on each backend, small and short (axon-mongo's figures are
     * dominated by its scans, not by the JIT).
     */
    BenchmarkOptions forWarmUp() {
        List<String> warmed = subjects.stream().filter(subject -> !subject.equals(Results.AXON_MONGO)).toList();
        return new BenchmarkOptions(backends, warmed, 20_000, 6_000, batchSize, Duration.ofSeconds(2), 5_000,
                                    lagRate, lagBatch, Duration.ofSeconds(3), Duration.ofSeconds(5), dataDir, false,
                                    5, 50, 10, 50, false);
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }
}
