package dev.waymark.privacy.internal;

import dev.waymark.privacy.PiiKind;
import dev.waymark.privacy.PiiMatch;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 addresses in dotted-quad form (four decimal octets 0-255, no leading zeros, which some parsers read as
 * octal) and IPv6 addresses in the RFC 4291 text forms, including {@code ::} compression and an IPv4 tail. A dotted
 * quad that continues with more dotted numbers ({@code 10.2.3.4.5}, a version string) is not an address.
 */
public final class IpDetector implements Detector {

    private static final Pattern V4 = Pattern.compile("(?<![0-9.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![0-9]|\\.[0-9])");
    private static final Pattern V6 = Pattern.compile("(?<![0-9A-Za-z:.])[0-9A-Fa-f:.]{2,}+");
    private static final int MAX_V6_LENGTH = 45;

    @Override
    public void detect(String text, List<PiiMatch> out) {
        if (text.indexOf('.') >= 0) {
            Matcher v4 = V4.matcher(text);
            while (v4.find()) {
                if (!precededByLetter(text, v4.start()) && isIpv4(v4.group())) {
                    out.add(PiiMatch.of(PiiKind.IP, v4.start(), v4.end()));
                }
            }
        }
        if (text.indexOf(':') >= 0) {
            Matcher v6 = V6.matcher(text);
            while (v6.find()) {
                int end = v6.end();
                // Sentence punctuation right after an address ("blocked 2001:db8::1.") is not part of it.
                while (end > v6.start() && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ':')
                        && !text.startsWith("::", end - 2)) {
                    end--;
                }
                String candidate = text.substring(v6.start(), end);
                boolean glued = end < text.length() && Character.isLetterOrDigit(text.charAt(end));
                if (!glued && candidate.length() <= MAX_V6_LENGTH && colons(candidate) >= 2 && isIpv6(candidate)) {
                    out.add(PiiMatch.of(PiiKind.IP, v6.start(), end));
                }
            }
        }
    }

    private static long colons(String candidate) {
        return candidate.chars().filter(c -> c == ':').count();
    }

    private static boolean precededByLetter(String text, int start) {
        return start > 0 && Character.isLetter(text.charAt(start - 1));
    }

    /** True for a dotted quad of decimal octets 0-255 without leading zeros. */
    public static boolean isIpv4(String candidate) {
        String[] parts = candidate.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            if ((part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** True for an RFC 4291 section 2.2 text address: eight hex groups, or fewer with one {@code ::}. */
    public static boolean isIpv6(String candidate) {
        String address = candidate;
        if (address.indexOf('.') >= 0) {
            int lastColon = address.lastIndexOf(':');
            if (!isIpv4(address.substring(lastColon + 1))) {
                return false;
            }
            // An IPv4 tail stands for the last two 16-bit groups.
            address = address.substring(0, lastColon + 1) + "0:0";
        }
        int compression = address.indexOf("::");
        if (compression < 0) {
            return hexGroups(address) == 8;
        }
        if (address.indexOf("::", compression + 1) >= 0) {
            return false;
        }
        String head = address.substring(0, compression);
        String tail = address.substring(compression + 2);
        int headGroups = head.isEmpty() ? 0 : hexGroups(head);
        int tailGroups = tail.isEmpty() ? 0 : hexGroups(tail);
        return headGroups >= 0 && tailGroups >= 0 && headGroups + tailGroups <= 7;
    }

    /** Number of colon-separated groups of 1-4 hex digits, or -1 when a group is empty or not hex. */
    private static int hexGroups(String part) {
        String[] groups = part.split(":", -1);
        for (String group : groups) {
            if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(IpDetector::isHex)) {
                return -1;
            }
        }
        return groups.length;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
