package io.github.healthgrpc.source;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A composite that makes its members as it is iterated, as
 * {@code clients.stream().map((client) -> new Entry(client.name(), () -> ping(client)))}
 * does: every member is a new object at every iteration, and answers, after a ping of the
 * given duration, with the status the composite had when the member was made.
 */
public final class MadeAsIteratedComposite implements CompositeHealthContributor {

	private final Duration ping;

	private final Set<String> names;

	private final AtomicInteger iterations = new AtomicInteger();

	private final Map<String, AtomicInteger> evaluations = new ConcurrentHashMap<>();

	private volatile Status status = Status.UP;

	/**
	 * Create a composite.
	 * @param ping how long each member takes to answer
	 * @param names its members' names
	 */
	public MadeAsIteratedComposite(Duration ping, String... names) {
		this.ping = ping;
		this.names = new CopyOnWriteArraySet<>(List.of(names));
	}

	@Override
	public HealthContributor getContributor(String name) {
		return this.names.contains(name) ? member(name) : null;
	}

	@Override
	public Stream<HealthContributors.Entry> stream() {
		this.iterations.incrementAndGet();
		return this.names.stream().map((name) -> new HealthContributors.Entry(name, member(name)));
	}

	/**
	 * Make the members made from now on answer with the given status.
	 * @param status the status
	 */
	public void answer(Status status) {
		this.status = status;
	}

	/**
	 * Drop a member.
	 * @param name its name
	 */
	public void remove(String name) {
		this.names.remove(name);
	}

	/**
	 * How often the composite was iterated.
	 * @return the count
	 */
	public int iterations() {
		return this.iterations.get();
	}

	/**
	 * How often a member was evaluated, whichever object answered.
	 * @param name its name
	 * @return the count
	 */
	public int evaluations(String name) {
		AtomicInteger count = this.evaluations.get(name);
		return (count != null) ? count.get() : 0;
	}

	private HealthIndicator member(String name) {
		Status made = this.status;
		return () -> {
			this.evaluations.computeIfAbsent(name, (key) -> new AtomicInteger()).incrementAndGet();
			try {
				Thread.sleep(this.ping.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Health.status(made).build();
		};
	}

}
