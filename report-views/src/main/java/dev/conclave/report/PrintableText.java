package dev.conclave.report;

/**
 * Text from a report or the gateway made safe to print or save: control characters (escape sequences
 * that move the cursor, retitle the window or make an OSC 8 hyperlink; bells, backspaces, carriage
 * returns that overwrite a line) are dropped, line breaks and tabs kept. A model's answer is text an
 * attacker can shape, and a terminal obeys what it is sent.
 */
public final class PrintableText {

    private PrintableText() {
    }

    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c != '\n' && c != '\t' && (c < 0x20 || (c >= 0x7f && c <= 0x9f));
            if (control && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!control && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
