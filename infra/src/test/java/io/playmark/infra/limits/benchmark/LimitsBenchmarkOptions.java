package io.playmark.infra.limits.benchmark;

import java.time.Duration;

/**
 * The limits benchmark's command line.
 *
 * @param threads client threads, each with its own connection
 * @param turns   measured turns, half with the limits on and half off (even, at least 2)
 * @param turn    how long each turn lasts
 * @param warmUp  an unrecorded run first, half on and half off: the rate still climbs for a minute or so after
 *                start (the JIT on 2 cores, the embedded servers settling)
 */
record LimitsBenchmarkOptions(int threads, int turns, Duration turn, Duration warmUp) {

    static final String USAGE = """
            LimitsBenchmark [--threads 4] [--turns 40] [--turn-seconds 2] [--warm-up-seconds 60]
              turns alternate on, off, off, on, on, off, ... so that a drift of the machine's speed weighs on both alike""";

    static LimitsBenchmarkOptions parse(String[] args) {
        int threads = 4;
        int turns = 40;
        int turnSeconds = 2;
        int warmUpSeconds = 60;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            }
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--threads" -> threads = value;
                case "--turns" -> turns = value;
                case "--turn-seconds" -> turnSeconds = value;
                case "--warm-up-seconds" -> warmUpSeconds = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (threads < 1 || threads > 64 || turns < 2 || turns % 2 != 0 || turns > 100 || turnSeconds < 1
                || turnSeconds > 60 || warmUpSeconds < 0 || warmUpSeconds > 120) {
            throw new IllegalArgumentException("threads 1-64, an even number of turns 2-100, turn-seconds 1-60, "
                    + "warm-up-seconds 0-120\n" + USAGE);
        }
        return new LimitsBenchmarkOptions(threads, turns, Duration.ofSeconds(turnSeconds),
                Duration.ofSeconds(warmUpSeconds));
    }
}
