// The channel-manager restrictions as CSV, built in the browser from the result's ChannelRestrictions
// exactly as the core's ChannelRestrictionsCsv writes them (bookingopt solve --restrictions-csv):
// RFC 4180 quoting, \n line ends, Scope "all" for the pooled rows and "type" for one room type's.

export const COLUMNS = ['Scope', 'RoomType', 'From', 'To', 'MinStayOnArrival', 'MinStayThrough', 'MaxStay',
  'ClosedToArrival', 'ClosedToDeparture', 'FullyBooked'];

function quoted(field) {
  return /[,"\n\r]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** The CSV text of a result object, or null when it has no ChannelRestrictions (a failed run). */
export function restrictionsCsv(result) {
  const rows = result?.ChannelRestrictions;
  if (!Array.isArray(rows)) return null;
  let csv = COLUMNS.join(',') + '\n';
  for (const row of rows) {
    csv += row.RoomType === null ? 'all' : 'type';
    for (const column of COLUMNS.slice(1)) {
      const value = row[column];
      csv += ',' + (value === null || value === undefined ? '' : quoted(String(value)));
    }
    csv += '\n';
  }
  return csv;
}
