<?php
declare(strict_types=1);

namespace Shop\Shipping;

use FFI;

final class RateCard
{
    private static ?FFI $ffi = null;

    private static function ffi(): FFI
    {
        return self::$ffi ??= FFI::scope('RATECARD');
    }

    /** @return array{price_cents:int, transit_days:int}|null */
    public static function quote(string $origin, string $destination, int $weightGrams): ?array
    {
        $q = self::ffi()->ratecard_quote($origin, $destination, $weightGrams);
        if (!$q->ok) {
            $err = self::ffi()->ratecard_last_error();
            if ($err !== null) {
                error_log('ratecard: ' . FFI::string($err));
                self::ffi()->ratecard_string_free($err);
            }
            return null;
        }
        return ['price_cents' => $q->price_cents, 'transit_days' => $q->transit_days];
    }
}
