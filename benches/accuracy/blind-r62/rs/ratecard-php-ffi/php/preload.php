<?php
// opcache.preload=/srv/shop/php/preload.php  (runs once when PHP-FPM starts)
FFI::load(__DIR__ . '/ratecard-ffi.h');
