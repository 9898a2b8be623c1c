package io.github.healthgrpc.autoconfigure;

/**
 * Thrown at startup when the {@code grpc.health} configuration cannot be honoured: it
 * names the property, what is wrong with it and how to fix it.
 */
public class InvalidHealthConfigurationException extends RuntimeException {

	private final String property;

	private final String problem;

	private final String action;

	/**
	 * Create an exception.
	 * @param property the offending property, or where the problem comes from
	 * @param problem what is wrong
	 * @param action how to fix it
	 */
	public InvalidHealthConfigurationException(String property, String problem, String action) {
		super(property + " " + problem + ". " + action);
		this.property = property;
		this.problem = problem;
		this.action = action;
	}

	/**
	 * The offending property.
	 * @return its name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What is wrong.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * How to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
