package io.github.healthgrpc.benchmarks.load;

import java.util.Arrays;
import java.util.Locale;

import io.github.healthgrpc.benchmarks.report.Metric;

/**
 * The changes of the pricing dependency of one kind (refused or blackholed) in one round:
 * each timed from the outage (or recovery) and from the moment the peer's check saw it,
 * and how long the check took to see each outage.
 */
final class Flips {

	// The check's connect timeout is 250 ms; a refused attempt fails in well under 1 ms.
	static final double TIMED_OUT_MILLIS = 200;

	private final Samples fromChange = new Samples();

	private final Samples fromSaw = new Samples();

	private final Samples checkTook = new Samples();

	private int changes;

	private int never;

	private int unseen;

	/**
	 * A change heard, seen by a run of the check.
	 * @param up whether the dependency came back
	 * @param fromChange milliseconds from the change to the watcher hearing it
	 * @param fromSaw milliseconds from the end of the check's run that saw it
	 * @param checkTook how long that run took
	 */
	void heard(boolean up, double fromChange, double fromSaw, double checkTook) {
		this.changes++;
		this.fromChange.accept(fromChange);
		this.fromSaw.accept(fromSaw);
		if (!up) {
			this.checkTook.accept(checkTook);
		}
	}

	/**
	 * A change the watcher never heard.
	 */
	void never(boolean up) {
		this.changes++;
		this.never++;
		this.fromChange.accept(Double.POSITIVE_INFINITY);
		this.fromSaw.accept(Double.POSITIVE_INFINITY);
	}

	/**
	 * A change heard, but with no run of the check that saw it.
	 */
	void unseen(boolean up, double fromChange) {
		this.changes++;
		this.unseen++;
		this.fromChange.accept(fromChange);
	}

	/**
	 * How many outages the check saw in at least (or under) a time.
	 * @param millis the time
	 * @param atLeast whether to count those that took at least that long (or those under)
	 */
	long downSeenAfter(double millis, boolean atLeast) {
		return Arrays.stream(this.checkTook.sorted()).filter((took) -> (took >= millis) == atLeast).count();
	}

	void report(PeerTarget target, Metric p50, Metric max, Metric sawP50, Metric sawMax) {
		this.fromChange.report(target, p50, 50);
		this.fromChange.reportWorst(target, max);
		this.fromSaw.report(target, sawP50, 50);
		this.fromSaw.reportWorst(target, sawMax);
	}

	/**
	 * Such as {@code refused: 10 changes, the check saw an outage in 0.21 ms (median)}.
	 */
	String describe(String kind) {
		String text = String.format(Locale.ROOT, "%s: %d changes, the check saw an outage in %.2f ms (median)", kind,
				this.changes, this.checkTook.percentile(50));
		if (this.never > 0) {
			text += ", **marked**: " + this.never + " never heard";
		}
		if (this.unseen > 0) {
			text += ", **marked**: " + this.unseen + " heard with no run of the check that saw it";
		}
		return text;
	}

}
