using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PatientSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gist", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:btree_gist", ",,");

            // What a name search compares (InfusionDbContext.SearchKey): lower case, accents removed, hyphens, apostrophes,
            // dots and commas as spaces. unaccent itself is only STABLE (its dictionary could change); pinning the
            // dictionary makes this wrapper safe to declare IMMUTABLE, as a generated column and its index need.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION f_search_key(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, translate($1, '-''.,', '    '))) $$;
                """);

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "patients",
                type: "text",
                nullable: false,
                computedColumnSql: "f_search_key(given_name || ' ' || family_name || ' ' || mrn)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_patients_search_text",
                table: "patients",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_patients_search_text",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "patients");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS f_search_key(text);");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gist", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:btree_gist", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");
        }
    }
}
