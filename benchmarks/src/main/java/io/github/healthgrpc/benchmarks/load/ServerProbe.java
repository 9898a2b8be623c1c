package io.github.healthgrpc.benchmarks.load;

/**
 * What the closed-loop Check load reads from the server beyond its process CPU time: the
 * JIT's activity, which ends the warm-up once it settles, and a mark at each end of the
 * measured period, where a probe takes the server's CPU time by thread group.
 */
public interface ServerProbe {

	/**
	 * A probe that knows nothing: the warm-up then ends on a steady throughput alone.
	 */
	ServerProbe NONE = new ServerProbe() {

		@Override
		public long compileMillis() {
			return 0;
		}

		@Override
		public void periodStarts() {
		}

		@Override
		public void periodEnds(long calls) {
		}

	};

	/**
	 * The server's total JIT compilation time so far.
	 * @return milliseconds, or 0 where unknown
	 */
	long compileMillis();

	/**
	 * The measured period starts.
	 */
	void periodStarts();

	/**
	 * The measured period ends.
	 * @param calls the calls completed in it
	 */
	void periodEnds(long calls);

}
