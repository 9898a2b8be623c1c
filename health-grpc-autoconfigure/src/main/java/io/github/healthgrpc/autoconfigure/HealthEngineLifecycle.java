package io.github.healthgrpc.autoconfigure;

import io.github.healthgrpc.engine.CheckListener;
import io.github.healthgrpc.engine.CheckRunner;
import io.github.healthgrpc.store.StatusStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the engine with the context and pauses it when the context stops: on the first
 * start it defines the mapped and the probe services in the store and starts the checks,
 * on later ones it resumes them. Every {@link CheckListener} bean hears the engine from
 * its first start. It starts before the gRPC server and stops after it.
 */
final class HealthEngineLifecycle implements SmartLifecycle {

	/**
	 * Before the web and gRPC servers start, after they stop.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final StatusStore store;

	private final CheckRunner runner;

	private final ObjectProvider<HealthMappings> mappings;

	private final ObjectProvider<CheckListener> listeners;

	private volatile boolean running;

	private volatile boolean started;

	/**
	 * Create the lifecycle.
	 * @param store the store to define the services in
	 * @param runner the engine
	 * @param mappings the mappings, resolved on the first start, once every bean exists
	 * @param listeners the listeners of the engine, resolved on the first start too
	 */
	HealthEngineLifecycle(StatusStore store, CheckRunner runner, ObjectProvider<HealthMappings> mappings,
			ObjectProvider<CheckListener> listeners) {
		this.store = store;
		this.runner = runner;
		this.mappings = mappings;
		this.listeners = listeners;
	}

	@Override
	public void start() {
		if (this.started) {
			this.runner.resume();
		}
		else {
			// Asked for here, not injected where they are defined: a lazy context creates
			// no bean that nothing asks for. Before the checks, so they hear every
			// addition.
			for (CheckListener listener : this.listeners.orderedStream().toList()) {
				this.runner.addListener(listener);
			}
			HealthMappings mappings = this.mappings.getObject();
			this.store.define(mappings.definitions());
			this.runner.start(mappings.checks(), mappings::schedule);
			this.started = true;
		}
		this.running = true;
	}

	@Override
	public void stop() {
		// Pause only: the runner's threads are released when its bean is destroyed, so a
		// context that is stopped and started again polls again.
		this.runner.pause();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
