<?php
/**
 * The essential checks of the widgets' data contract, ported to PHP so that a
 * post is checked when it is saved (the REST API the block editor uses) and
 * the editor can show problems before the page is published.
 *
 * This is a subset of the widgets' own validator (valibot, in the bundle):
 * required fields, measure ids, rows with measure/period/value, periods
 * (2021-22, 2021/22, 2021-22 Q1..Q4, consecutive years), GSS symbols, derived
 * rates naming known measures, duplicate rows. Anything it accepts that the
 * widgets still refuse is shown by the widget itself, with the row, on the page.
 *
 * @package PartnershipWidgets
 */

defined( 'ABSPATH' ) || exit;

/** GSS symbols, bare or in brackets, as the widgets accept them. */
const PARTNERSHIP_WIDGETS_SYMBOLS = array( 'c', 'x', 'z', 'u', 'low', 'k' );

/** At most this many problems are listed, as in the widgets. */
const PARTNERSHIP_WIDGETS_MAX_PROBLEMS = 10;

/**
 * Checks a period text. Returns null when it is a period, or the problem.
 *
 * @param mixed $text The period.
 * @param int   $row  Row number for the message.
 * @return string|null
 */
function partnership_widgets_period_problem( $text, $row ) {
	if ( ! is_string( $text ) ) {
		return sprintf( 'Row %d: "period" should be text such as 2021-22 or 2021-22 Q1.', $row );
	}
	if ( ! preg_match( '/^\s*(\d{4})\s*[-\/–]\s*(\d{2}|\d{4})(?:\s+Q(\d+))?\s*$/iu', $text, $m ) ) {
		return sprintf( 'Row %d: period "%s" is not a reporting year (2021-22) or a quarter (2021-22 Q1).', $row, $text );
	}
	$start    = (int) $m[1];
	$end_text = $m[2];
	$end      = 4 === strlen( $end_text ) ? (int) $end_text : ( intdiv( $start, 100 ) * 100 + (int) $end_text ) % 10000;
	if ( $end !== $start + 1 && ! ( 2 === strlen( $end_text ) && $end + 100 === $start + 1 ) ) {
		return sprintf( 'Row %d: period "%s" should span two consecutive years.', $row, $text );
	}
	if ( isset( $m[3] ) && '' !== $m[3] && ( (int) $m[3] < 1 || (int) $m[3] > 4 ) ) {
		return sprintf( 'Row %d: period "%s" is not a quarter (Q1 to Q4).', $row, $text );
	}
	return null;
}

/**
 * Validates a decoded JSON envelope (associative arrays).
 *
 * @param mixed $env         The decoded envelope.
 * @param array $row_numbers Row numbers to show for each data index (CSV), or empty for JSON (1-based).
 * @return string[] Problems; empty when the envelope passes.
 */
function partnership_widgets_validate_envelope( $env, $row_numbers = array() ) {
	if ( ! is_array( $env ) || ! isset( $env['measures'] ) || ! array_key_exists( 'data', $env ) || array_is_list( $env ) ) {
		return array( 'This is not a data envelope: it needs "measures" and "data".' );
	}
	$problems = array();
	foreach ( array( 'title', 'publisher' ) as $field ) {
		if ( isset( $env[ $field ] ) && ! is_string( $env[ $field ] ) ) {
			$problems[] = sprintf( '"%s" should be text.', $field );
		}
	}
	if ( isset( $env['source']['url'] ) && ! preg_match( '/^https?:\/\/\S+$/i', (string) $env['source']['url'] ) ) {
		$problems[] = '"source.url" should be an http(s) address.';
	}
	if ( isset( $env['updated'] ) && ! preg_match( '/^\d{4}-\d{2}(-\d{2})?$/', (string) $env['updated'] ) ) {
		$problems[] = '"updated" should be a date (YYYY-MM-DD or YYYY-MM).';
	}
	if ( isset( $env['asAt'] ) && ! preg_match( '/^\d{4}-\d{2}-\d{2}$/', (string) $env['asAt'] ) ) {
		$problems[] = '"asAt" should be a date (YYYY-MM-DD).';
	}
	if ( ! is_array( $env['measures'] ) || ! array_is_list( $env['measures'] ) ) {
		return array_merge( $problems, array( '"measures" should be a list.' ) );
	}
	if ( ! is_array( $env['data'] ) || ! array_is_list( $env['data'] ) ) {
		return array_merge( $problems, array( '"data" should be a list.' ) );
	}
	$ids = array();
	foreach ( $env['measures'] as $i => $measure ) {
		$id = is_array( $measure ) && isset( $measure['id'] ) ? $measure['id'] : null;
		if ( ! is_string( $id ) || ! preg_match( '/^[A-Za-z0-9_-]+$/', $id ) ) {
			$problems[] = sprintf( 'Measure %d: "id" should be letters, digits, "_" or "-".', $i + 1 );
			continue;
		}
		if ( isset( $ids[ $id ] ) ) {
			$problems[] = sprintf( 'Measure "%s" is defined twice.', $id );
		}
		$ids[ $id ] = $measure;
		if ( isset( $measure['polarity'] ) && ! in_array( $measure['polarity'], array( 'up-good', 'down-good', 'neutral' ), true ) ) {
			$problems[] = sprintf( 'Measure "%s": "polarity" should be up-good, down-good or neutral.', $id );
		}
	}
	foreach ( $ids as $id => $measure ) {
		foreach ( array( 'numerator', 'denominator' ) as $role ) {
			if ( isset( $measure[ $role ] ) && ! isset( $ids[ $measure[ $role ] ] ) ) {
				$problems[] = sprintf( 'Measure "%s": %s "%s" is not a measure in the data.', $id, $role, (string) $measure[ $role ] );
			}
		}
		if ( isset( $measure['numerator'] ) !== isset( $measure['denominator'] ) ) {
			$problems[] = sprintf( 'Measure "%s": a derived rate needs both "numerator" and "denominator".', $id );
		}
	}
	$seen    = array();
	$symbols = array();
	foreach ( PARTNERSHIP_WIDGETS_SYMBOLS as $code ) {
		$symbols[] = $code;
		$symbols[] = '[' . $code . ']';
	}
	foreach ( $env['data'] as $index => $row ) {
		$n = $row_numbers[ $index ] ?? $index + 1;
		if ( ! is_array( $row ) || array_is_list( $row ) && array() !== $row ) {
			$problems[] = sprintf( 'Row %d should be an object with "measure", "period" and "value".', $n );
			continue;
		}
		foreach ( array( 'measure', 'period', 'value' ) as $field ) {
			if ( ! array_key_exists( $field, $row ) ) {
				$problems[] = sprintf( 'Row %d: "%s" is missing.', $n, $field );
				continue 2;
			}
		}
		if ( ! is_string( $row['measure'] ) || ! isset( $ids[ $row['measure'] ] ) ) {
			$problems[] = sprintf( 'Row %d: measure "%s" is not one of the measures (%s).', $n, is_scalar( $row['measure'] ) ? (string) $row['measure'] : '', implode( ', ', array_keys( $ids ) ) );
			continue;
		}
		$period_problem = partnership_widgets_period_problem( $row['period'], $n );
		if ( null !== $period_problem ) {
			$problems[] = $period_problem;
			continue;
		}
		$value = $row['value'];
		if ( ! ( ( is_int( $value ) || is_float( $value ) ) && is_finite( $value ) ) && ! in_array( $value, $symbols, true ) ) {
			$problems[] = sprintf( 'Row %d: "value" should be a number or a GSS symbol (c, x, z, u, low), but is "%s".', $n, is_scalar( $value ) ? (string) $value : gettype( $value ) );
			continue;
		}
		$dims = $row;
		unset( $dims['measure'], $dims['period'], $dims['value'] );
		ksort( $dims );
		$key = wp_json_encode( array( $row['measure'], preg_replace( '/\s+/', ' ', trim( $row['period'] ) ), $dims ) );
		if ( isset( $seen[ $key ] ) ) {
			$problems[] = sprintf( 'Rows %d and %d are both %s for %s.', $seen[ $key ], $n, $row['measure'], $row['period'] );
			continue;
		}
		$seen[ $key ] = $n;
	}
	return array_slice( $problems, 0, PARTNERSHIP_WIDGETS_MAX_PROBLEMS );
}

/**
 * Validates tidy CSV text (measure,period,value[,dimension...]) as the widgets read it.
 *
 * @param string $text CSV text.
 * @return string[] Problems.
 */
function partnership_widgets_validate_csv( $text ) {
	$text = preg_replace( '/^\xEF\xBB\xBF/', '', (string) $text );
	if ( '' === trim( $text ) ) {
		return array( 'The data is empty.' );
	}
	$handle = fopen( 'php://memory', 'r+' );
	fwrite( $handle, $text );
	rewind( $handle );
	$header = fgetcsv( $handle, null, ',', '"', '' );
	$header = array_map( static fn( $h ) => strtolower( trim( (string) $h ) ), is_array( $header ) ? $header : array() );
	foreach ( array( 'measure', 'period', 'value' ) as $column ) {
		if ( ! in_array( $column, $header, true ) ) {
			fclose( $handle );
			return array( sprintf( 'The CSV needs a "%s" column (header row: measure,period,value).', $column ) );
		}
	}
	$ids         = array();
	$data        = array();
	$row_numbers = array();
	$line        = 1;
	while ( ( $cells = fgetcsv( $handle, null, ',', '"', '' ) ) !== false ) {
		++$line;
		if ( '' === trim( implode( '', array_map( 'strval', $cells ) ) ) ) {
			continue;
		}
		$row = array();
		foreach ( $header as $i => $name ) {
			$cell = trim( (string) ( $cells[ $i ] ?? '' ) );
			if ( 'value' === $name ) {
				$row['value'] = partnership_widgets_csv_value( $cell );
			} elseif ( '' !== $name ) {
				$row[ $name ] = $cell;
			}
		}
		if ( preg_match( '/^[A-Za-z0-9_-]+$/', $row['measure'] ) ) {
			$ids[ $row['measure'] ] = true;
		}
		$data[]        = $row;
		$row_numbers[] = $line;
	}
	fclose( $handle );
	if ( array() === $data ) {
		return array( 'The CSV has a header but no rows.' );
	}
	$measures = array_map( static fn( $id ) => array( 'id' => (string) $id ), array_keys( $ids ) );
	return partnership_widgets_validate_envelope(
		array(
			'measures' => $measures,
			'data'     => $data,
		),
		$row_numbers
	);
}

/**
 * A CSV cell as the widgets read it: a symbol, a number (thousands separators allowed) or the text.
 *
 * @param string $cell The cell.
 * @return int|float|string
 */
function partnership_widgets_csv_value( $cell ) {
	if ( preg_match( '/^\s*\[?\s*(c|x|z|u|low|k)\s*\]?\s*$/i', $cell, $m ) ) {
		return strtolower( $m[1] );
	}
	$plain = preg_replace( '/,(?=\d{3}(\D|$))/', '', trim( $cell ) );
	if ( preg_match( '/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i', $plain ) ) {
		return preg_match( '/[.e]/i', $plain ) ? (float) $plain : (int) $plain;
	}
	return $cell;
}

/**
 * Validates pasted data in either format.
 *
 * @param string $text   The data.
 * @param string $format 'json' or 'csv'.
 * @return string[] Problems.
 */
function partnership_widgets_validate_text( $text, $format ) {
	if ( 'csv' === $format ) {
		// Inside <script type="text/csv"> nothing can be escaped: refuse what could end the script.
		if ( preg_match( '/<\/|<!--/', (string) $text ) ) {
			return array( 'The CSV contains "</" or "<!--", which cannot be placed in a page safely. Paste it as JSON instead.' );
		}
		return partnership_widgets_validate_csv( $text );
	}
	$text = preg_replace( '/^\xEF\xBB\xBF/', '', (string) $text );
	if ( '' === trim( $text ) ) {
		return array( 'The data is empty.' );
	}
	$decoded = json_decode( $text, true );
	if ( JSON_ERROR_NONE !== json_last_error() ) {
		return array( 'The data is not valid JSON: ' . json_last_error_msg() . '.' );
	}
	return partnership_widgets_validate_envelope( $decoded );
}
