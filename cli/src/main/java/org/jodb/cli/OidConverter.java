package org.jodb.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an oid as decimal ({@code 17}) or as jodb prints it ({@code 0x11}). */
final class OidConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
        try {
            long oid = text.startsWith("0x") || text.startsWith("0X") ? Long.parseUnsignedLong(text.substring(2), 16)
                    : Long.parseLong(text);
            if (oid < 1) {
                throw new TypeConversionException("'" + text + "' is not an oid: oids start at 1");
            }
            return oid;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not an oid (decimal, or hexadecimal as 0x1f)");
        }
    }
}
