package org.labelsr.fiji.command;

/** Where the commands live; ImageJ 1.x's plugins.config lists the same labels. */
final class Menu {

	static final String ROOT = "Plugins>Label Super Resolution>";

	private Menu() {}
}
